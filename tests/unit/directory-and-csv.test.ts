/**
 * The two readers of outside input in issue 14, on their own: the LDAP filter escape (RFC 4515)
 * and the CSV reader (encodings, delimiters, quotes, binary files, the row limit).
 */
import { describe, expect, it } from "vitest";
import { decodeCsv, parseCsv } from "../../app/lib/csv-read";
import { escapeFilterValue } from "../../app/lib/ldap.server";

describe("escapeFilterValue", () => {
  it.each([
    ["mrossi", "mrossi"],
    ["mario.rossi@comune.example", "mario.rossi@comune.example"],
    ["*", "\\2a"],
    ["mross*", "mross\\2a"],
    ["a)(uid=*", "a\\29\\28uid=\\2a"],
    ["\\", "\\5c"],
    ["m\\2a", "m\\5c2a"],
    ["a\u0000b", "a\\00b"],
    ["tab\there", "tab\\09here"],
    ["niccolò", "niccolò"],
  ])("%j becomes %j", (input, expected) => {
    expect(escapeFilterValue(input)).toBe(expected);
  });

  it("leaves no character that could open, close or widen a filter", () => {
    const escaped = escapeFilterValue("*)(|(objectClass=*))\\\u0000(&");
    expect(escaped).not.toMatch(/[*()]|\\(?![0-9a-f]{2})/);
    expect(escaped.includes("\u0000")).toBe(false);
  });
});

describe("decodeCsv", () => {
  it("reads UTF-8 with and without a BOM", () => {
    const text = "nome;cognome\nNiccolò;Fabbri\n";
    const plain = new TextEncoder().encode(text);
    expect(decodeCsv(plain)).toEqual({ text, encoding: "utf-8" });
    expect(decodeCsv(new Uint8Array([0xef, 0xbb, 0xbf, ...plain]))).toEqual({ text, encoding: "utf-8" });
  });

  it("reads Excel's Windows-1252 (à, è, ò, the euro sign)", () => {
    const bytes = new Uint8Array([0x4e, 0x69, 0x63, 0x63, 0x6f, 0x6c, 0xf2, 0x3b, 0xe0, 0xe8, 0x80]);
    expect(decodeCsv(bytes)).toEqual({ text: "Niccolò;àè€", encoding: "windows-1252" });
  });

  it("refuses binary content: NUL bytes, or a file of control bytes", () => {
    expect(decodeCsv(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]))).toBeNull();
    expect(decodeCsv(new Uint8Array(Array.from({ length: 40 }, (_, i) => (i % 2 ? 0x01 : 0x41))))).toBeNull();
  });
});

describe("parseCsv", () => {
  it("finds the delimiter, reads quotes, doubled quotes and line breaks inside them", () => {
    const table = parseCsv('nome;cognome;ufficio\n"Rossi; Mario";"D\'Amico ""Ciccio""";"URP\nsede"\r\n\n', 10);
    expect(table.delimiter).toBe(";");
    expect(table.rows).toEqual([
      ["nome", "cognome", "ufficio"],
      ["Rossi; Mario", 'D\'Amico "Ciccio"', "URP\nsede"],
    ]);
    expect(parseCsv("a,b\n1,2", 10)).toMatchObject({
      delimiter: ",",
      rows: [
        ["a", "b"],
        ["1", "2"],
      ],
      tooMany: false,
    });
  });

  it("stops past the row limit and says so", () => {
    const text = Array.from({ length: 100 }, (_, i) => `r${i},x`).join("\n");
    const table = parseCsv(text, 10);
    expect(table.tooMany).toBe(true);
    expect(table.rows.length).toBeLessThanOrEqual(11);
  });
});

/**
 * Reading a CSV exported from an HR system or a spreadsheet: UTF-8 with or without BOM, or
 * Excel's Windows-1252; comma or semicolon (Italian Excel writes semicolons); quoted fields
 * with doubled quotes and line breaks inside (RFC 4180). A file with NUL bytes or other
 * binary content is not a CSV.
 */

export type Decoded = { text: string; encoding: "utf-8" | "windows-1252" };

export function decodeCsv(bytes: Uint8Array): Decoded | null {
  let body = bytes;
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (bom) body = bytes.subarray(3);
  // Binary: NUL, or many control bytes (a spreadsheet's .xlsx, an image).
  let controls = 0;
  for (const byte of body.subarray(0, 64 * 1024)) {
    if (byte === 0) return null;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) controls++;
  }
  if (controls > 8) return null;
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(body), encoding: "utf-8" };
  } catch {
    if (bom) return null;
    return { text: new TextDecoder("windows-1252").decode(body), encoding: "windows-1252" };
  }
}

export type CsvTable = { delimiter: "," | ";"; rows: string[][] };

/** The delimiter of the first line: the one that appears more often outside quotes. */
function delimiterOf(text: string): "," | ";" {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === "\n" || char === "\r")) break;
    else if (!quoted && char === ",") commas++;
    else if (!quoted && char === ";") semicolons++;
  }
  return semicolons > commas ? ";" : ",";
}

/** Rows of fields; empty lines are left out. Stops (and says so) past `maxRows`. */
export function parseCsv(text: string, maxRows: number): CsvTable & { tooMany: boolean } {
  const delimiter = delimiterOf(text);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let tooMany = false;
  const endRow = () => {
    row.push(field);
    if (row.some((value) => value.trim() !== "")) rows.push(row);
    row = [];
    field = "";
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"' && field === "") quoted = true;
    else if (char === delimiter) {
      row.push(field);
      field = "";
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && text[i + 1] === "\n") i++;
      endRow();
      if (rows.length > maxRows) {
        tooMany = true;
        break;
      }
    } else field += char;
  }
  if (!tooMany && (field !== "" || row.length > 0)) endRow();
  if (rows.length > maxRows) tooMany = true;
  return { delimiter, rows: rows.slice(0, maxRows + 1), tooMany };
}

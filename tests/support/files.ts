import { request } from "node:http";
import { deflateSync, crc32 } from "node:zlib";
import { buffer } from "node:stream/consumers";
import sharp from "sharp";
import { zipStream } from "../../app/lib/zip.server";
import type { Client } from "./http";

/**
 * Files as colleagues make them, for the attachment tests: real images (sharp), office documents
 * as the ZIPs Word, Excel, PowerPoint and LibreOffice write (their telling entries), and the bad
 * ones: markup renamed, a program renamed, a polyglot, an image bomb.
 */

export const jpegWithExif = () =>
  sharp({ create: { width: 1600, height: 1200, channels: 3, background: { r: 30, g: 120, b: 200 } } })
    .jpeg()
    .withExif({ IFD0: { Copyright: "Foto di prova", Artist: "Mario Rossi" } })
    .toBuffer();
export const png = () =>
  sharp({ create: { width: 300, height: 200, channels: 4, background: { r: 200, g: 30, b: 30, alpha: 1 } } })
    .png()
    .toBuffer();
export const webp = () =>
  sharp({ create: { width: 320, height: 240, channels: 3, background: { r: 20, g: 160, b: 60 } } })
    .webp()
    .toBuffer();

export const pdf = () =>
  Buffer.from(
    "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Count 0/Kids[]>>endobj\n" +
      "trailer<</Root 1 0 R>>\n%%EOF\n",
  );

export const zipOf = (entries: { name: string; text: string }[]) =>
  buffer(zipStream(entries.map((entry) => ({ name: entry.name, data: Buffer.from(entry.text) }))));
const ooxml = (part: string) =>
  zipOf([
    { name: "[Content_Types].xml", text: '<?xml version="1.0"?><Types/>' },
    { name: "_rels/.rels", text: "<Relationships/>" },
    { name: part, text: "<document/>" },
  ]);
const odf = (type: string) =>
  zipOf([
    { name: "mimetype", text: `application/vnd.oasis.opendocument.${type}` },
    { name: "content.xml", text: "<office:document-content/>" },
  ]);

export const docx = () => ooxml("word/document.xml");
/** A Word document with macros (.docm), renamed .docx. */
export const docm = () =>
  zipOf([
    { name: "[Content_Types].xml", text: '<?xml version="1.0"?><Types/>' },
    { name: "word/document.xml", text: "<document/>" },
    { name: "word/vbaProject.bin", text: "macro" },
  ]);
export const xlsx = () => ooxml("xl/workbook.xml");
export const pptx = () => ooxml("ppt/presentation.xml");
export const odt = () => odf("text");
export const ods = () => odf("spreadsheet");
export const odp = () => odf("presentation");
export const csv = () => Buffer.from("nome;ufficio\nNiccolò;Anagrafe\n");
export const txt = () => Buffer.from("Appunti della riunione del gruppo Logistica.\n");

export const html = () => Buffer.from("<!DOCTYPE html><html><body><script>alert(1)</script></body></html>");
export const svg = () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
export const elf = () => Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(256)]);
/** Starts like a PNG, goes on as a web page. */
export const polyglot = () => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), html()]);

function pngChunk(type: string, data: Buffer) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([length, body, crc]);
}

/** A few hundred bytes that claim 30,000 × 30,000 pixels (900 million): decoding it would take gigabytes. */
export function imageBomb() {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(30_000, 0);
  header.writeUInt32BE(30_000, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", header),
    pngChunk("IDAT", deflateSync(Buffer.alloc(30_001 * 4))),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

/**
 * Sends files with a form, as a browser does (multipart), from a signed-in client. Over plain
 * HTTP rather than fetch: when the server refuses a file before reading it all, it answers at
 * once and closes, and a browser reads that answer; fetch would report only the broken upload.
 */
export async function upload(
  client: Client,
  path: string,
  files: { name: string; bytes: Buffer | Uint8Array }[],
  fields: Record<string, string> = {},
): Promise<Response> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  for (const file of files) form.append("file", new Blob([new Uint8Array(file.bytes)]), file.name);
  const encoded = new Request("http://localhost/", { method: "POST", body: form });
  const body = Buffer.from(await encoded.arrayBuffer());
  const url = new URL(client.base + path);
  return new Promise((resolve, reject) => {
    const req = request({
      host: url.hostname,
      port: url.port,
      path: url.pathname + url.search,
      method: "POST",
      headers: {
        "Content-Type": encoded.headers.get("content-type")!,
        "Content-Length": String(body.length),
        Cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join("; "),
        Origin: client.base,
      },
    });
    let answered = false;
    req.on("response", (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => {
        const headers = new Headers();
        for (const [name, value] of Object.entries(res.headers))
          for (const one of ([] as string[]).concat(value ?? [])) headers.append(name, one);
        const response = new Response(res.statusCode === 204 ? null : Buffer.concat(chunks), {
          status: res.statusCode,
          headers,
        });
        client.remember(response);
        resolve(response);
      });
    });
    // Writing into a connection the server closed after answering: the answer is what counts.
    req.on("error", (error) => {
      if (!answered) setTimeout(() => !answered && reject(error), 500);
    });
    req.end(body);
  });
}

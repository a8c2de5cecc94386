import { open } from "node:fs/promises";

/**
 * What a file is, decided from its bytes (never from its name or the browser's claim), among the
 * types a municipality uses; anything else is refused. The name's extension must agree with what
 * the bytes are, so an HTML page or an SVG renamed .png, or a program renamed .pdf, is refused.
 * Images are then decoded and re-encoded by the caller (sharp), which also refuses a polyglot
 * that only starts like an image. docs/decisions/0020-attachments.md
 */

export type FileKind = {
  mime: string;
  /** The extensions a name of this type may carry. */
  extensions: string[];
  image: boolean;
};

const KINDS = {
  pdf: { mime: "application/pdf", extensions: ["pdf"], image: false },
  jpeg: { mime: "image/jpeg", extensions: ["jpg", "jpeg"], image: true },
  png: { mime: "image/png", extensions: ["png"], image: true },
  webp: { mime: "image/webp", extensions: ["webp"], image: true },
  docx: {
    mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    extensions: ["docx"],
    image: false,
  },
  xlsx: {
    mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    extensions: ["xlsx"],
    image: false,
  },
  pptx: {
    mime: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    extensions: ["pptx"],
    image: false,
  },
  odt: { mime: "application/vnd.oasis.opendocument.text", extensions: ["odt"], image: false },
  ods: { mime: "application/vnd.oasis.opendocument.spreadsheet", extensions: ["ods"], image: false },
  odp: { mime: "application/vnd.oasis.opendocument.presentation", extensions: ["odp"], image: false },
  csv: { mime: "text/csv; charset=utf-8", extensions: ["csv"], image: false },
  txt: { mime: "text/plain; charset=utf-8", extensions: ["txt"], image: false },
} satisfies Record<string, FileKind>;

const startsWith = (bytes: Buffer, signature: number[], at = 0) => signature.every((b, i) => bytes[at + i] === b);

/** The names of a ZIP's entries, from its central directory (at most 2,000, read from the end). */
async function zipEntries(path: string, size: number): Promise<string[] | null> {
  const handle = await open(path, "r");
  try {
    const tailSize = Math.min(size, 65_536 + 22);
    const tail = Buffer.alloc(tailSize);
    await handle.read(tail, 0, tailSize, size - tailSize);
    const end = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    if (end < 0) return null;
    const count = tail.readUInt16LE(end + 10);
    const dirSize = tail.readUInt32LE(end + 12);
    const dirOffset = tail.readUInt32LE(end + 16);
    if (count > 2000 || dirSize > 4 * 1024 * 1024 || dirOffset + dirSize > size) return null;
    const dir = Buffer.alloc(dirSize);
    await handle.read(dir, 0, dirSize, dirOffset);
    const names: string[] = [];
    let at = 0;
    for (let i = 0; i < count; i++) {
      if (dir.readUInt32LE(at) !== 0x02014b50) return null;
      const nameLength = dir.readUInt16LE(at + 28);
      const extra = dir.readUInt16LE(at + 30);
      const comment = dir.readUInt16LE(at + 32);
      names.push(dir.toString("utf8", at + 46, at + 46 + nameLength));
      at += 46 + nameLength + extra + comment;
    }
    return names;
  } catch {
    return null;
  } finally {
    await handle.close();
  }
}

/** Office documents are ZIP files whose entries say what they are. */
async function officeKind(path: string, head: Buffer, size: number): Promise<FileKind | null> {
  // OpenDocument: a first entry named "mimetype", stored, holding the type.
  if (head.toString("latin1", 30, 38) === "mimetype") {
    const type = head.toString("latin1", 38, 38 + 60);
    if (type.startsWith(KINDS.odt.mime)) return KINDS.odt;
    if (type.startsWith(KINDS.ods.mime)) return KINDS.ods;
    if (type.startsWith(KINDS.odp.mime)) return KINDS.odp;
    return null;
  }
  const entries = await zipEntries(path, size);
  if (!entries?.includes("[Content_Types].xml")) return null;
  // Macros (a .docm or .xlsm renamed): not a document a colleague should open from here.
  if (entries.some((name) => name.toLowerCase().endsWith("vbaproject.bin"))) return null;
  if (entries.includes("word/document.xml")) return KINDS.docx;
  if (entries.includes("xl/workbook.xml")) return KINDS.xlsx;
  if (entries.includes("ppt/presentation.xml")) return KINDS.pptx;
  return null;
}

/** Plain text: UTF-8 (or Windows-1252), no NUL or other binary bytes, and not markup. */
function isPlainText(head: Buffer) {
  let body = head;
  if (startsWith(body, [0xef, 0xbb, 0xbf])) body = body.subarray(3);
  for (const byte of body)
    if (byte === 0 || (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d)) return false;
  // A page or an image in markup would be opened by a browser as such: not text for us.
  const start = body.toString("latin1", 0, 512).trimStart().toLowerCase();
  return !/^<(!doctype|html|svg|\?xml|script|head|body|iframe|!--)/.test(start);
}

/** The kind of the file at `path`, or null when its content is not one of the accepted types. */
export async function detectKind(path: string, size: number, name: string): Promise<FileKind | null> {
  const handle = await open(path, "r");
  const head = Buffer.alloc(Math.min(size, 8192));
  try {
    await handle.read(head, 0, head.length, 0);
  } finally {
    await handle.close();
  }
  const extension = name.includes(".") ? name.split(".").pop()!.toLowerCase() : "";
  let kind: FileKind | null = null;
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d])) kind = KINDS.pdf;
  else if (startsWith(head, [0xff, 0xd8, 0xff])) kind = KINDS.jpeg;
  else if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) kind = KINDS.png;
  else if (startsWith(head, [0x52, 0x49, 0x46, 0x46]) && head.toString("latin1", 8, 12) === "WEBP") kind = KINDS.webp;
  else if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) kind = await officeKind(path, head, size);
  else if (isPlainText(head)) kind = extension === "csv" ? KINDS.csv : KINDS.txt;
  if (!kind || !kind.extensions.includes(extension)) return null;
  return kind;
}

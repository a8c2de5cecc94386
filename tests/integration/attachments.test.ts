/**
 * Attachments (issue 17) against the built server, its SQLite file and its files on disk: each
 * accepted type stored and served with the right headers; images re-encoded without their EXIF
 * data; the same bytes stored once and removed when nothing refers to them; who may attach, as a
 * table, with refused uploads changing nothing; every kind of bad input; the quota; the group's
 * documents with their versions; the personal data ZIP; backup and restore with the files.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import path from "node:path";
import { promisify } from "node:util";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { changedTables, dbFingerprint } from "../support/db-state";
import { addMember, buildIdea, buildObjective, buildProgressUpdate, buildUser } from "../support/factories";
import * as files from "../support/files";
import { useServer } from "../support/harness";
import { Client, text } from "../support/http";
import { ROOT, TMP } from "../support/paths";
import { signedIn } from "../support/sessions";

const run = promisify(execFile);
const h = useServer();
const as = (email: string) => signedIn(h.server, email);

let ideaId: number;
let objectiveId: number;
let updateId: string;
let author: Client;

/** Every file under the server's store (hash-named), tmp/ aside. */
function storedFiles(dir = h.server.filesDir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !path.relative(dir, entry.parentPath).startsWith("tmp"))
    .map((entry) => entry.name);
}
const tmpFiles = () => {
  const dir = path.join(h.server.filesDir, "tmp");
  return existsSync(dir) ? readdirSync(dir) : [];
};

beforeAll(async () => {
  const { users, groups } = h.scenario;
  const idea = await buildIdea(h.server.db, {
    title: "Sala d'attesa più accogliente",
    groupId: groups.logistica!.id,
    authorId: users.employee.id,
  });
  ideaId = idea.id;
  const objective = await buildObjective(h.server.db, {
    groupId: groups.logistica!.id,
    title: "Nuove sedute in sala d'attesa",
    startOn: "2026-10-01",
    dueOn: "2027-03-31",
  });
  objectiveId = objective.id;
  const update = await buildProgressUpdate(h.server.db, {
    objectiveId,
    authorId: users.leader.id,
    date: "2026-11-20",
    progress: 30,
    status: "IN_CORSO",
  });
  updateId = update.id;
  author = await as("dipendente@test.example");
});

describe("each accepted type", () => {
  const cases: [string, () => Buffer | Promise<Buffer>, string][] = [
    ["Verbale riunione – città.pdf", files.pdf, "application/pdf"],
    ["Modulo richiesta.docx", files.docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
    ["Costi.xlsx", files.xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
    ["Presentazione.pptx", files.pptx, "application/vnd.openxmlformats-officedocument.presentationml.presentation"],
    ["Scheda servizio.odt", files.odt, "application/vnd.oasis.opendocument.text"],
    ["Turni.ods", files.ods, "application/vnd.oasis.opendocument.spreadsheet"],
    ["Formazione.odp", files.odp, "application/vnd.oasis.opendocument.presentation"],
    ["Elenco.csv", files.csv, "text/csv; charset=utf-8"],
    ["Appunti.txt", files.txt, "text/plain; charset=utf-8"],
  ];

  it.each(cases)("%s is stored once and downloaded as an attachment, with its accents", async (name, make, mime) => {
    const bytes = await make();
    const response = await files.upload(author, `/idee/${ideaId}`, [{ name, bytes }]);
    expect(response.status).toBe(302);
    const attachment = await h.server.db.attachment.findFirstOrThrow({
      where: { ideaId, name },
      include: { file: true },
    });
    expect(attachment.file.mime).toBe(mime);
    const download = await author.get(`/allegati/${attachment.id}`);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toBe(mime);
    expect(download.headers.get("x-content-type-options")).toBe("nosniff");
    const disposition = download.headers.get("content-disposition")!;
    expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toBe(name);
    expect(Buffer.from(await download.arrayBuffer()).equals(bytes)).toBe(true);
    // Clean up: the page takes ten files.
    await author.post(`/idee/${ideaId}`, { intent: "deleteAttachment", attachmentId: attachment.id, confirm: "1" });
  });

  it.each([
    ["foto.jpg", files.jpegWithExif, "image/jpeg"],
    ["grafico.png", files.png, "image/png"],
    ["pianta.webp", files.webp, "image/webp"],
  ] as const)(
    "the image %s is re-encoded without its metadata, shown inline, with a thumbnail",
    async (name, make, mime) => {
      const original = await make();
      const response = await files.upload(author, `/idee/${ideaId}`, [{ name, bytes: original }]);
      expect(response.status).toBe(302);
      const attachment = await h.server.db.attachment.findFirstOrThrow({
        where: { ideaId, name },
        include: { file: true },
      });
      const full = await author.get(`/allegati/${attachment.id}`);
      expect(full.headers.get("content-type")).toBe(mime);
      expect(full.headers.get("content-disposition")).toMatch(/^inline;/);
      const served = Buffer.from(await full.arrayBuffer());
      const meta = await sharp(served).metadata();
      expect(meta.exif).toBeUndefined();
      if (name === "foto.jpg") {
        expect((await sharp(original).metadata()).exif).toBeDefined();
        expect(served.includes(Buffer.from("Mario Rossi"))).toBe(false);
      }
      const thumb = await author.get(`/allegati/${attachment.id}?anteprima=1`);
      expect(thumb.headers.get("content-type")).toBe("image/webp");
      const thumbMeta = await sharp(Buffer.from(await thumb.arrayBuffer())).metadata();
      expect(Math.max(thumbMeta.width!, thumbMeta.height!)).toBeLessThanOrEqual(480);
      const page = await (await author.get(`/idee/${ideaId}`)).text();
      expect(page).toContain(`src="/allegati/${attachment.id}?anteprima=1"`);
      expect(page).toContain(`alt="${name}"`);
    },
  );

  it("the idea's first image shows in the idea list", async () => {
    const idea = await h.server.db.idea.findUniqueOrThrow({ where: { id: ideaId } });
    const first = await h.server.db.attachment.findFirstOrThrow({
      where: { ideaId, file: { mime: { startsWith: "image/" } } },
      orderBy: { createdAt: "asc" },
    });
    expect(idea.coverId).toBe(first.id);
    expect(await (await author.get("/idee")).text()).toContain(`/allegati/${first.id}?anteprima=1`);
  });
});

describe("stored once, removed when nothing refers to it", () => {
  it("the same bytes on two pages are one file; it leaves the disk with the last reference", async () => {
    const leader = await as("leader.logistica@test.example");
    const bytes = Buffer.from("Lo stesso file, caricato due volte.\n");
    expect((await files.upload(author, `/idee/${ideaId}`, [{ name: "doppio.txt", bytes }])).status).toBe(302);
    expect((await files.upload(leader, `/obiettivi/${objectiveId}`, [{ name: "copia.txt", bytes }])).status).toBe(302);
    const both = await h.server.db.attachment.findMany({ where: { name: { in: ["doppio.txt", "copia.txt"] } } });
    expect(both).toHaveLength(2);
    expect(both[0]!.fileHash).toBe(both[1]!.fileHash);
    const hash = both[0]!.fileHash;
    expect(storedFiles().filter((name) => name === hash)).toHaveLength(1);
    const onIdea = both.find((a) => a.ideaId === ideaId)!;
    const onObjective = both.find((a) => a.objectiveId === objectiveId)!;
    await author.post(`/idee/${ideaId}`, { intent: "deleteAttachment", attachmentId: onIdea.id, confirm: "1" });
    expect(storedFiles()).toContain(hash);
    await leader.post(`/obiettivi/${objectiveId}`, {
      intent: "deleteAttachment",
      attachmentId: onObjective.id,
      confirm: "1",
    });
    expect(storedFiles()).not.toContain(hash);
    expect(await h.server.db.storedFile.findUnique({ where: { hash } })).toBeNull();
    expect((await author.get(`/allegati/${onIdea.id}`)).status).toBe(404);
  });

  it("removing asks to confirm first", async () => {
    expect((await files.upload(author, `/idee/${ideaId}`, [{ name: "resta.txt", bytes: files.txt() }])).status).toBe(
      302,
    );
    const attachment = await h.server.db.attachment.findFirstOrThrow({ where: { name: "resta.txt" } });
    const response = await author.post(`/idee/${ideaId}`, { intent: "deleteAttachment", attachmentId: attachment.id });
    expect(response.status).toBe(400);
    expect(await h.server.db.attachment.findUnique({ where: { id: attachment.id } })).not.toBeNull();
  });
});

describe("who may attach, and refused uploads change nothing", () => {
  // [who, page, allowed]: the idea is the employee's, in Logistica; the objective and its update are Logistica's.
  const table: [string, "idea" | "objective" | "update", boolean][] = [
    ["dipendente@test.example", "idea", true], // author
    ["leader.logistica@test.example", "idea", true], // the group's leader
    ["membro@test.example", "idea", false], // a member who did not write it
    ["leader.informatica@test.example", "idea", false], // another group's leader
    ["cabina@test.example", "idea", false],
    ["osservatore@test.example", "idea", false],
    ["admin@test.example", "idea", false],
    ["leader.logistica@test.example", "objective", true],
    ["cabina@test.example", "objective", true],
    ["dipendente@test.example", "objective", false],
    ["membro@test.example", "objective", false],
    ["leader.informatica@test.example", "objective", false],
    ["osservatore@test.example", "objective", false],
    ["leader.logistica@test.example", "update", true],
    ["cabina@test.example", "update", true],
    ["membro@test.example", "update", false],
    ["osservatore@test.example", "update", false],
  ];
  it.each(table)("%s on the %s: %s", async (email, page, allowed) => {
    const client = await as(email);
    const target =
      page === "idea"
        ? `/idee/${ideaId}`
        : page === "objective"
          ? `/obiettivi/${objectiveId}`
          : `/obiettivi/${objectiveId}?aggiornamento=${updateId}`;
    const before = await dbFingerprint(h.server.db);
    const stored = storedFiles().length;
    const bytes = Buffer.from(`Un file di ${email} per ${page}.\n`);
    const response = await files.upload(client, target, [{ name: "prova.txt", bytes }]);
    if (allowed) {
      expect(response.status).toBe(302);
      const made = await h.server.db.attachment.findFirstOrThrow({
        where: { uploadedBy: { email }, name: "prova.txt" },
        orderBy: { createdAt: "desc" },
      });
      expect(made[page === "idea" ? "ideaId" : page === "objective" ? "objectiveId" : "updateId"]).toBe(
        page === "idea" ? ideaId : page === "objective" ? objectiveId : updateId,
      );
      const back = await client.post(target.split("?")[0]!, {
        intent: "deleteAttachment",
        attachmentId: made.id,
        confirm: "1",
      });
      expect(back.status).toBe(302);
    } else {
      expect(response.status).toBe(403);
      expect(changedTables(before, await dbFingerprint(h.server.db))).toEqual([]);
      expect(storedFiles()).toHaveLength(stored);
    }
    expect(tmpFiles()).toEqual([]);
  });

  it("nobody but those who may attach removes a file", async () => {
    expect((await files.upload(author, `/idee/${ideaId}`, [{ name: "mio.txt", bytes: files.txt() }])).status).toBe(302);
    const mine = await h.server.db.attachment.findFirstOrThrow({ where: { name: "mio.txt" } });
    for (const email of ["membro@test.example", "cabina@test.example", "osservatore@test.example"]) {
      const response = await (
        await as(email)
      ).post(`/idee/${ideaId}`, {
        intent: "deleteAttachment",
        attachmentId: mine.id,
        confirm: "1",
      });
      expect(response.status).toBe(403);
    }
    expect(await h.server.db.attachment.findUnique({ where: { id: mine.id } })).not.toBeNull();
  });

  it("files are for signed-in colleagues only; an unknown or removed file is 404", async () => {
    const any = await h.server.db.attachment.findFirstOrThrow({ where: { name: "mio.txt" } });
    expect((await new Client(h.server.url).get(`/allegati/${any.id}`)).status).toBe(302);
    expect((await (await as("osservatore@test.example")).get(`/allegati/${any.id}`)).status).toBe(200);
    expect((await author.get("/allegati/non-esiste")).status).toBe(404);
    expect((await author.get("/allegati/../../etc/passwd")).status).toBe(404);
  });
});

describe("bad input: a clear message, a 4xx, nothing written", () => {
  const refused = async (
    list: { name: string; bytes: Buffer | Uint8Array }[],
    status: number,
    message: string | RegExp,
  ) => {
    const before = await dbFingerprint(h.server.db);
    const stored = storedFiles().length;
    const response = await files.upload(author, `/idee/${ideaId}`, list);
    expect(response.status).toBe(status);
    const page = await text(response);
    if (typeof message === "string") expect(page).toContain(message);
    else expect(page).toMatch(message);
    expect(changedTables(before, await dbFingerprint(h.server.db))).toEqual([]);
    expect(storedFiles()).toHaveLength(stored);
    expect(tmpFiles()).toEqual([]);
  };

  it.each([
    ["an HTML page renamed .png", "pagina.png", files.html],
    ["an SVG renamed .png", "disegno.png", files.svg],
    ["an HTML page named .txt", "pagina.txt", files.html],
    ["a program renamed .pdf", "fattura.pdf", files.elf],
    ["a PDF renamed .docx", "lettera.docx", files.pdf],
    ["a ZIP that is no office document", "archivio.docx", () => files.zipOf([{ name: "a.txt", text: "a" }])],
    ["a document with macros renamed .docx", "modulo.docx", files.docm],
  ])("%s", async (_label, name, make) => {
    await refused([{ name, bytes: await make() }], 400, "il contenuto non è di un tipo ammesso");
  });

  it("a polyglot that starts like a PNG and goes on as a page", async () => {
    await refused([{ name: "immagine.png", bytes: files.polyglot() }], 400, "non è un'immagine leggibile");
  });

  it("an image bomb (900 million pixels in a few kilobytes), refused before decoding", async () => {
    const bomb = files.imageBomb();
    expect(bomb.length).toBeLessThan(200_000);
    await refused([{ name: "bomba.png", bytes: bomb }], 400, "ha dimensioni troppo grandi");
  });

  it("a 21 MB file", async () => {
    await refused(
      [{ name: "grande.pdf", bytes: Buffer.concat([files.pdf(), Buffer.alloc(21 * 1024 * 1024)]) }],
      413,
      "supera il limite di 20 MB",
    );
  });

  it("the eleventh file", async () => {
    const count = await h.server.db.attachment.count({ where: { ideaId } });
    const eleven = Array.from({ length: 11 - count }, (_, i) => ({
      name: `nota-${i}.txt`,
      bytes: Buffer.from(`Nota ${i}\n`),
    }));
    await refused(eleven, 400, "Al massimo 10 file per pagina");
  });

  it("no file at all", async () => {
    await refused([], 400, "Nessun file scelto");
  });

  it("names with a path, NUL, control characters or 500 characters never reach the disk as given", async () => {
    const names = [
      "../../etc/passwd.txt",
      "..\\..\\windows\\system32.txt",
      "a\u0000b.txt",
      "riga\nnuova\t.txt",
      `${"lungo".repeat(100)}.txt`,
    ];
    const room = 10 - (await h.server.db.attachment.count({ where: { ideaId } }));
    expect(room).toBeGreaterThanOrEqual(3);
    const ok = await files.upload(
      author,
      `/idee/${ideaId}`,
      names.slice(0, room).map((name, i) => ({ name, bytes: Buffer.from(`nome ${i}\n`) })),
    );
    expect(ok.status).toBe(302);
    const stored = await h.server.db.attachment.findMany({ where: { ideaId, name: { endsWith: ".txt" } } });
    const saved = stored.map((a) => a.name);
    expect(saved).toContain("passwd.txt");
    expect(saved).toContain("system32.txt");
    expect(saved).toContain("ab.txt");
    expect(saved.some((name) => name.includes("\u0000") || name.includes("/") || name.includes("\\"))).toBe(false);
    expect(saved.every((name) => name.length <= 200)).toBe(true);
    // On disk every file is named by its hash alone.
    expect(storedFiles().every((name) => /^[0-9a-f]{64}$/.test(name))).toBe(true);
    expect(existsSync(path.join(h.server.filesDir, "..", "..", "etc", "passwd.txt"))).toBe(false);
    for (const a of stored)
      await author.post(`/idee/${ideaId}`, { intent: "deleteAttachment", attachmentId: a.id, confirm: "1" });
  });

  it("an upload cut off half-way leaves nothing behind", async () => {
    const before = await dbFingerprint(h.server.db);
    const stored = storedFiles().length;
    const boundary = "----pionieri";
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="mezzo.pdf"\r\n` +
        "Content-Type: application/pdf\r\n\r\n",
    );
    const url = new URL(`${h.server.url}/idee/${ideaId}`);
    await new Promise<void>((resolve) => {
      const req = httpRequest({
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: "POST",
        headers: {
          "Content-Type": `multipart/form-data; boundary=${boundary}`,
          "Content-Length": String(head.length + 5 * 1024 * 1024),
          Cookie: [...author.cookies].map(([k, v]) => `${k}=${v}`).join("; "),
          Origin: h.server.url,
        },
      });
      req.on("error", () => resolve());
      req.on("close", () => resolve());
      req.write(head);
      req.write(Buffer.concat([files.pdf(), Buffer.alloc(1024 * 1024)]), () => {
        setTimeout(() => req.destroy(), 200);
      });
    });
    // The server notices the dropped connection and removes what it had received.
    for (let i = 0; i < 50 && tmpFiles().length > 0; i++) await new Promise((r) => setTimeout(r, 100));
    expect(tmpFiles()).toEqual([]);
    expect(storedFiles()).toHaveLength(stored);
    expect(changedTables(before, await dbFingerprint(h.server.db))).toEqual([]);
  });

  it("the page says the limits before the upload", async () => {
    const page = await text(await author.get(`/idee/${ideaId}`));
    expect(page).toContain("Fino a 10 file per pagina, 20 MB ciascuno");
  });
});

describe("a new idea posted with its files (issue 23)", () => {
  let n = 0;
  /** A colleague of her own for each case: the ideas' hourly limit is per person. */
  const newAuthor = async () => {
    n += 1;
    const email = `nuova${n}@test.example`;
    await buildUser(h.server.db, { email, displayName: `Nuova Autrice ${n}` });
    return as(email);
  };
  const fields = (title: string) => ({
    title,
    groupId: h.scenario.groups.logistica!.id,
    body: "Con la pianta della sala e il preventivo delle sedute.",
    intent: "save",
  });

  it("the idea and its files are written together; the image is re-encoded and becomes its picture", async () => {
    const client = await newAuthor();
    const response = await files.upload(
      client,
      "/idee/nuova",
      [
        { name: "Preventivo sedute.pdf", bytes: files.pdf() },
        { name: "pianta.jpg", bytes: await files.jpegWithExif() },
      ],
      fields("Sedute nuove per la sala d'attesa"),
    );
    expect(response.status).toBe(302);
    const idea = await h.server.db.idea.findFirstOrThrow({
      where: { title: "Sedute nuove per la sala d'attesa" },
      include: { attachments: { include: { file: true }, orderBy: { name: "asc" } } },
    });
    expect(response.headers.get("location")).toBe(`/idee/${idea.id}`);
    expect(idea.attachments.map((a) => [a.name, a.file.mime])).toEqual([
      ["Preventivo sedute.pdf", "application/pdf"],
      ["pianta.jpg", "image/jpeg"],
    ]);
    expect(idea.coverId).toBe(idea.attachments[1]!.id);
    const image = await client.get(`/allegati/${idea.attachments[1]!.id}`);
    expect((await sharp(Buffer.from(await image.arrayBuffer())).metadata()).exif).toBeUndefined();
    const page = await client.get(`/idee/${idea.id}`);
    const html = await text(page);
    expect(html).toContain("Idea pubblicata con i suoi allegati (2)");
    expect(html).toContain("Preventivo sedute.pdf");
    expect(tmpFiles()).toEqual([]);
  });

  it("sent without a file chosen, the idea is posted as before", async () => {
    const client = await newAuthor();
    const response = await files.upload(
      client,
      "/idee/nuova",
      [{ name: "", bytes: Buffer.alloc(0) }],
      fields("Idea senza file"),
    );
    expect(response.status).toBe(302);
    const idea = await h.server.db.idea.findFirstOrThrow({
      where: { title: "Idea senza file" },
      include: { attachments: true },
    });
    expect(idea.attachments).toEqual([]);
  });

  const refusedNew = async (
    client: Client,
    list: { name: string; bytes: Buffer | Uint8Array }[],
    form: Record<string, string>,
    status: number,
    messages: (string | RegExp)[],
  ) => {
    const before = await dbFingerprint(h.server.db);
    const stored = storedFiles().length;
    const response = await files.upload(client, "/idee/nuova", list, form);
    expect(response.status).toBe(status);
    const page = await response.text();
    for (const message of messages)
      if (typeof message === "string") expect(page).toContain(message);
      else expect(page).toMatch(message);
    expect(changedTables(before, await dbFingerprint(h.server.db))).toEqual([]);
    expect(storedFiles()).toHaveLength(stored);
    expect(tmpFiles()).toEqual([]);
    return page;
  };

  it("a file of a type not allowed: the form comes back with what was written, nothing is written", async () => {
    const client = await newAuthor();
    const page = await refusedNew(
      client,
      [
        { name: "pianta.pdf", bytes: files.pdf() },
        { name: "pagina.png", bytes: files.html() },
      ],
      fields("Idea con un file sbagliato"),
      400,
      ["il contenuto non è di un tipo ammesso", 'value="Idea con un file sbagliato"', "sceglili di nuovo"],
    );
    // The field's error is tied to the file field.
    expect(page).toMatch(/<input[^>]*id="f-file"[^>]*aria-invalid="true"/);
  });

  it("a file past 20 MB: 413, the text kept, nothing written", async () => {
    const client = await newAuthor();
    const big = Buffer.concat([files.pdf(), Buffer.alloc(21 * 1024 * 1024, 7)]);
    await refusedNew(client, [{ name: "enorme.pdf", bytes: big }], fields("Idea con un file enorme"), 413, [
      "«enorme.pdf» supera il limite di 20 MB",
      'value="Idea con un file enorme"',
      "Con la pianta della sala",
    ]);
  });

  it("eleven files: 400, nothing written", async () => {
    const client = await newAuthor();
    const eleven = Array.from({ length: 11 }, (_, i) => ({ name: `nota${i}.txt`, bytes: Buffer.from(`Nota ${i}\n`) }));
    await refusedNew(client, eleven, fields("Idea con troppi file"), 400, ["Al massimo 10 file per pagina"]);
  });

  it("a text to correct: the files are not kept and the person is told to choose them again", async () => {
    const client = await newAuthor();
    await refusedNew(client, [{ name: "pianta.pdf", bytes: files.pdf() }], { ...fields(""), title: "" }, 400, [
      "sceglili di nuovo",
      "Con la pianta della sala",
    ]);
  });

  it("the preview keeps nothing either", async () => {
    const client = await newAuthor();
    const before = await dbFingerprint(h.server.db);
    const stored = storedFiles().length;
    const response = await files.upload(client, "/idee/nuova", [{ name: "pianta.pdf", bytes: files.pdf() }], {
      ...fields("Solo un'anteprima"),
      intent: "preview",
    });
    expect(response.status).toBe(200);
    expect(await text(response)).toContain("Anteprima");
    expect(changedTables(before, await dbFingerprint(h.server.db))).toEqual([]);
    expect(storedFiles()).toHaveLength(stored);
    expect(tmpFiles()).toEqual([]);
  });

  it("past the person's quota: 413, no idea", async () => {
    const admin = await as("admin@test.example");
    expect((await admin.post("/admin/allegati", { quotaMb: "20" })).status).toBe(302);
    try {
      const client = await newAuthor();
      const big = (i: number) => Buffer.concat([files.pdf(), Buffer.alloc(12 * 1024 * 1024, i)]);
      await refusedNew(
        client,
        [
          { name: "uno.pdf", bytes: big(1) },
          { name: "due.pdf", bytes: big(2) },
        ],
        fields("Idea oltre lo spazio"),
        413,
        ["supereresti lo spazio di 20 MB", 'value="Idea oltre lo spazio"'],
      );
    } finally {
      expect((await admin.post("/admin/allegati", { quotaMb: "500" })).status).toBe(302);
    }
  });

  it("an observer cannot post an idea, with or without files: 403, nothing written", async () => {
    const client = await as("osservatore@test.example");
    await refusedNew(client, [{ name: "pianta.pdf", bytes: files.pdf() }], fields("Idea di chi osserva"), 403, []);
  });

  it("a refusal before the file is read reaches the sender whole, the connection kept open", async () => {
    // The policy answers as soon as it knows the person: 15 MB are still on their way. The
    // server reads them away before closing, so the browser shows the refusal, not a reset.
    const client = await as("osservatore@test.example");
    const form = new FormData();
    for (const [name, value] of Object.entries(fields("Idea di chi osserva, con un file grande")))
      form.append(name, value);
    form.append(
      "file",
      new Blob([new Uint8Array(Buffer.concat([files.pdf(), Buffer.alloc(15 * 1024 * 1024, 3)]))]),
      "grande.pdf",
    );
    const before = await dbFingerprint(h.server.db);
    for (let i = 0; i < 3; i++) {
      const response = await fetch(`${client.base}/idee/nuova`, {
        method: "POST",
        redirect: "manual",
        headers: { Cookie: client.cookieHeader(), Origin: client.base },
        body: form,
      });
      expect(response.status).toBe(403);
      expect(response.headers.get("connection")).not.toBe("close");
      expect(await response.text()).toContain("</html>");
    }
    expect(changedTables(before, await dbFingerprint(h.server.db))).toEqual([]);
    expect(tmpFiles()).toEqual([]);
  });
});

describe("the quota set by the administrator", () => {
  it("refuses what would pass it, and the administrator sees who uses the space", async () => {
    const admin = await as("admin@test.example");
    expect((await admin.post("/admin/allegati", { quotaMb: "5" })).status).toBe(400);
    expect((await admin.post("/admin/allegati", { quotaMb: "20" })).status).toBe(302);
    const uploader = await buildUser(h.server.db, { email: "quota@test.example", displayName: "Quinto Quota" });
    const idea = await buildIdea(h.server.db, {
      title: "Un'idea con molti allegati",
      groupId: h.scenario.groups.logistica!.id,
      authorId: uploader.id,
    });
    const client = await as("quota@test.example");
    const big = (i: number) => Buffer.concat([files.pdf(), Buffer.alloc(12 * 1024 * 1024, i)]);
    expect((await files.upload(client, `/idee/${idea.id}`, [{ name: "uno.pdf", bytes: big(1) }])).status).toBe(302);
    const before = await h.server.db.attachment.count();
    const over = await files.upload(client, `/idee/${idea.id}`, [{ name: "due.pdf", bytes: big(2) }]);
    expect(over.status).toBe(413);
    expect(await text(over)).toContain("supereresti lo spazio di 20 MB");
    expect(await h.server.db.attachment.count()).toBe(before);
    expect(await text(await admin.get("/admin/allegati"))).toContain("Quinto Quota");
    expect((await admin.post("/admin/allegati", { quotaMb: "500" })).status).toBe(302);
  });
});

describe("a working group's documents", () => {
  it("a member adds a document, a newer version keeps the old one, search finds it by title", async () => {
    const member = await as("membro@test.example");
    const first = await files.upload(
      member,
      "/gruppi/logistica/documenti",
      [{ name: "pianta-v1.pdf", bytes: files.pdf() }],
      { title: "Pianta del piano terra", description: "Con i percorsi per gli sportelli" },
    );
    expect(first.status).toBe(302);
    const document = await h.server.db.groupDocument.findFirstOrThrow({ where: { title: "Pianta del piano terra" } });
    const second = await files.upload(member, `/gruppi/logistica/documenti?documento=${document.id}`, [
      { name: "pianta-v2.pdf", bytes: Buffer.concat([files.pdf(), Buffer.from("% v2\n")]) },
    ]);
    expect(second.status).toBe(302);
    const page = await text(await member.get("/gruppi/logistica/documenti?q=pianta"));
    expect(page).toContain("Pianta del piano terra");
    expect(page).toContain("pianta-v2.pdf");
    expect(page).toContain("Versioni precedenti (1)");
    expect(page).toContain("pianta-v1.pdf");
    expect(await text(await member.get("/gruppi/logistica/documenti?q=bilancio"))).toContain(
      "Nessun documento con questo titolo.",
    );
  });

  it("someone outside the group cannot add; a document without a title is refused and leaves nothing", async () => {
    const outsider = await as("leader.informatica@test.example");
    const before = await dbFingerprint(h.server.db);
    const response = await files.upload(
      outsider,
      "/gruppi/logistica/documenti",
      [{ name: "x.pdf", bytes: files.pdf() }],
      {
        title: "Intruso",
      },
    );
    expect(response.status).toBe(403);
    expect(changedTables(before, await dbFingerprint(h.server.db))).toEqual([]);
    const member = await as("membro@test.example");
    const untitled = await files.upload(
      member,
      "/gruppi/logistica/documenti",
      [{ name: "y.pdf", bytes: files.pdf() }],
      {
        title: "  ",
      },
    );
    expect(untitled.status).toBe(400);
    expect(changedTables(before, await dbFingerprint(h.server.db))).toEqual([]);
    expect(tmpFiles()).toEqual([]);
  });

  it("a file past the limit comes back refused with the title and description as written", async () => {
    const member = await as("membro@test.example");
    const before = await dbFingerprint(h.server.db);
    const response = await files.upload(
      member,
      "/gruppi/logistica/documenti",
      [{ name: "troppo.pdf", bytes: Buffer.concat([files.pdf(), Buffer.alloc(21 * 1024 * 1024)]) }],
      { title: "Planimetria del piano terra", description: "Versione di ottobre, con le sedute nuove." },
    );
    expect(response.status).toBe(413);
    const html = await response.text();
    expect(html).toContain("«troppo.pdf» supera il limite di 20 MB");
    expect(html).toMatch(/<input[^>]*name="title"[^>]*value="Planimetria del piano terra"/);
    expect(html).toContain("Versione di ottobre, con le sedute nuove.</textarea>");
    expect(changedTables(before, await dbFingerprint(h.server.db))).toEqual([]);
    expect(tmpFiles()).toEqual([]);
  });
});

describe("one's own data, anonymisation, backups", () => {
  it("the personal data ZIP holds the JSON and one's own files, byte for byte", async () => {
    const bytes = Buffer.from("Il mio file, da riavere.\n");
    expect((await files.upload(author, `/idee/${ideaId}`, [{ name: "mio-documento.txt", bytes }])).status).toBe(302);
    const response = await author.get("/profilo/dati.zip");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/zip");
    const dir = mkdtempSync(path.join(TMP, "zip-"));
    const archive = path.join(dir, "dati.zip");
    (await import("node:fs")).writeFileSync(archive, Buffer.from(await response.arrayBuffer()));
    // Python's zipfile checks every entry's CRC: an independent reader of the archive.
    const { stdout } = await run("python3", [
      "-c",
      "import sys,zipfile;z=zipfile.ZipFile(sys.argv[1]);assert z.testzip() is None;" +
        "z.extractall(sys.argv[2]);print('\\n'.join(z.namelist()))",
      archive,
      dir,
    ]);
    const names = stdout.trim().split("\n");
    expect(names).toContain("dati.json");
    const data = JSON.parse(readFileSync(path.join(dir, "dati.json"), "utf8")) as {
      files: { name: string; inArchive: string }[];
    };
    const mine = data.files.find((file) => file.name === "mio-documento.txt")!;
    expect(names).toContain(mine.inArchive);
    expect(readFileSync(path.join(dir, mine.inArchive)).equals(bytes)).toBe(true);
    // Only one's own: nothing the leader uploaded.
    expect(data.files.every((file) => !file.name.startsWith("pianta-v"))).toBe(true);
  });

  it("anonymising an account keeps its files, signed as a former colleague", async () => {
    const person = await buildUser(h.server.db, { email: "lascia@test.example", displayName: "Lea Lascia" });
    await addMember(h.server.db, person.id, h.scenario.groups.logistica!.id);
    const idea = await buildIdea(h.server.db, {
      title: "Un'idea di chi se ne va",
      groupId: h.scenario.groups.logistica!.id,
      authorId: person.id,
    });
    const client = await as("lascia@test.example");
    expect((await files.upload(client, `/idee/${idea.id}`, [{ name: "resta.pdf", bytes: files.pdf() }])).status).toBe(
      302,
    );
    const admin = await as("admin@test.example");
    expect((await admin.post("/admin/utenti", { intent: "anonymise", userId: person.id, confirm: "1" })).status).toBe(
      302,
    );
    const page = await text(await admin.get(`/idee/${idea.id}`));
    expect(page).toContain("resta.pdf");
    expect(page).not.toContain("Lea Lascia");
    expect(page).toContain("ex collaboratore");
  });

  it("a backup carries the files; a restore gives back exactly the files the database refers to", async () => {
    const backups = mkdtempSync(path.join(TMP, "backups-files-"));
    const env = {
      ...process.env,
      DATABASE_URL: `file:${h.server.dbFile}`,
      FILES_DIR: h.server.filesDir,
      BACKUP_DIR: backups,
    };
    const backup = await run(process.execPath, [path.join(ROOT, "prisma", "backup.mjs")], { cwd: ROOT, env });
    const copy = backup.stdout.trim();
    const referenced = (await h.server.db.storedFile.findMany()).flatMap((f) => [
      f.hash,
      ...(f.thumbHash ? [f.thumbHash] : []),
    ]);
    expect(referenced.length).toBeGreaterThan(3);
    expect(storedFiles(copy.replace(/\.db$/, ".files")).sort()).toEqual([...referenced].sort());
    // Restored elsewhere (this server keeps its own): a folder with a stray file and none of the right ones.
    const target = path.join(mkdtempSync(path.join(TMP, "restore-")), "pionieri.db");
    const targetFiles = `${target}.files`;
    const stray = path.join(targetFiles, "ab", "ab".padEnd(64, "0"));
    (await import("node:fs")).mkdirSync(path.dirname(stray), { recursive: true });
    (await import("node:fs")).writeFileSync(stray, "non citato");
    const restore = await run(process.execPath, [path.join(ROOT, "prisma", "restore.mjs"), copy], {
      cwd: ROOT,
      env: { ...env, DATABASE_URL: `file:${target}`, FILES_DIR: targetFiles },
    });
    expect(restore.stdout).toContain("non più citati rimossi");
    expect(storedFiles(targetFiles).sort()).toEqual([...referenced].sort());
    for (const hash of referenced)
      expect(
        readFileSync(path.join(targetFiles, hash.slice(0, 2), hash)).equals(
          readFileSync(path.join(h.server.filesDir, hash.slice(0, 2), hash)),
        ),
      ).toBe(true);
  });
});

import { isRole, type Actor, type Role } from "~/lib/actor";
import { decodeCsv, parseCsv } from "~/lib/csv-read";
import { db } from "~/lib/db/client.server";
import { httpError } from "~/lib/http.server";
import type { MessageKey } from "~/lib/i18n";
import { cleanText } from "~/lib/text";
import { audit } from "./audit.server";
import { groupOptions } from "./groups.server";
import { invitationPath, newInvitation } from "./invitations.server";
import { LIMITS } from "./limits";
import { assertCan } from "./policy.server";
import { log } from "~/lib/log.server";

/**
 * Colleagues in bulk, from a CSV exported from the HR system (issue 14): read and checked row by
 * row first (nothing written but the preview), then, on one confirmation, an invitation each
 * with its groups (mailed when e-mail is on). Importing the same file again finds everyone there
 * already and writes nothing.
 */

export const IMPORT_MAX_ROWS = 5000;
/** The model offered on the page: the columns, and one example row. */
export const IMPORT_TEMPLATE = [
  "nome;cognome;email;ufficio;ruolo;gruppi",
  "Maria;Bianchi;maria.bianchi@comune.example;Anagrafe;Dipendente;Logistica|Comunicazione",
  "",
].join("\r\n");
export const IMPORT_MAX_MB = 2;
export const IMPORT_MAX_BYTES = IMPORT_MAX_MB * 1024 * 1024;
/** The file is larger than the page accepts (also said before the upload). */
export const TOO_BIG: ImportProblem = { key: "import.tooBig", params: { size: IMPORT_MAX_MB } };
const CHUNK = 50;

/** The columns, by the names HR exports and spreadsheets use (Italian and English). */
const COLUMNS = {
  name: ["nome", "name", "first name", "firstname", "given name"],
  surname: ["cognome", "surname", "last name", "lastname", "family name"],
  email: ["email", "e-mail", "mail", "posta elettronica", "indirizzo email"],
  office: ["ufficio", "office", "servizio", "settore", "department"],
  role: ["ruolo", "role"],
  groups: ["gruppi", "gruppo", "groups", "group"],
} as const;
type Column = keyof typeof COLUMNS;
const REQUIRED: Column[] = ["name", "surname", "email"];

const ROLE_WORDS: Record<string, Role> = {
  "": "DIPENDENTE",
  dipendente: "DIPENDENTE",
  employee: "DIPENDENTE",
  cabina: "CABINA",
  "cabina di regia": "CABINA",
  board: "CABINA",
  amministratore: "ADMIN",
  admin: "ADMIN",
  osservatore: "OSSERVATORE",
  observer: "OSSERVATORE",
};

export type ImportProblem = { key: MessageKey; params?: Record<string, string | number> };

export type ImportRow = {
  line: number;
  name: string;
  surname: string;
  email: string;
  office: string;
  role: Role;
  groupIds: string[];
  groupNames: string[];
  problem: ImportProblem | null;
};

export type ImportFailure = { ok: false; problem: ImportProblem };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** A cell a spreadsheet would run as a formula (=, +, -, @ first): never taken as a name. */
const FORMULA = /^[=+\-@\t\r]/;

/**
 * Which of these addresses have an account already, and which an invitation still waiting. In
 * slices: SQLite takes a bounded number of parameters per statement.
 */
async function alreadyThere(emails: string[]) {
  const existing = new Set<string>();
  const waiting = new Set<string>();
  for (let start = 0; start < emails.length; start += 500) {
    const slice = emails.slice(start, start + 500);
    const [users, pending] = await Promise.all([
      db.user.findMany({ where: { email: { in: slice } }, select: { email: true } }),
      db.invitation.findMany({
        where: { email: { in: slice }, usedAt: null, userId: null, expiresAt: { gt: new Date() } },
        select: { email: true },
      }),
    ]);
    for (const user of users) existing.add(user.email);
    for (const invitation of pending) waiting.add(invitation.email);
  }
  return { existing, waiting };
}

/** Reads and checks a file: every row with its problem (or none). Writes only the preview. */
export async function previewImport(
  actor: Actor,
  file: { name: string; bytes: Uint8Array },
): Promise<{ ok: true; id: string } | { ok: true; id: null; batch: ImportBatch } | ImportFailure> {
  assertCan(actor, "user.invite");
  if (file.bytes.length === 0) return { ok: false, problem: { key: "import.empty" } };
  if (file.bytes.length > IMPORT_MAX_BYTES) return { ok: false, problem: TOO_BIG };
  const decoded = decodeCsv(file.bytes);
  if (!decoded) return { ok: false, problem: { key: "import.notCsv" } };
  const table = parseCsv(decoded.text, IMPORT_MAX_ROWS + 1);
  if (table.tooMany) return { ok: false, problem: { key: "import.tooManyRows", params: { max: IMPORT_MAX_ROWS } } };
  const [header, ...lines] = table.rows;
  if (!header || lines.length === 0) return { ok: false, problem: { key: "import.empty" } };
  const index = {} as Record<Column, number>;
  const names = header.map((cell) => cleanText(cell).trim().toLowerCase());
  for (const [column, aliases] of Object.entries(COLUMNS) as [Column, readonly string[]][])
    index[column] = names.findIndex((name) => aliases.includes(name));
  const missing = REQUIRED.filter((column) => index[column] < 0);
  if (missing.length > 0)
    return {
      ok: false,
      problem: { key: "import.missingColumns", params: { columns: missing.map((c) => COLUMNS[c][0]).join(", ") } },
    };

  const groups = await groupOptions();
  const emails = lines.map((cells) => (cells[index.email] ?? "").trim().toLowerCase());
  const { existing, waiting } = await alreadyThere(emails);
  const seen = new Map<string, number>();
  const rows: ImportRow[] = lines.map((cells, i) => {
    const line = i + 2;
    const cell = (column: Column) => (index[column] < 0 ? "" : cleanText(cells[index[column]] ?? "").trim());
    const row: ImportRow = {
      line,
      name: cell("name"),
      surname: cell("surname"),
      email: cell("email").toLowerCase(),
      office: cell("office"),
      role: "DIPENDENTE",
      groupIds: [],
      groupNames: [],
      problem: null,
    };
    const problem = (key: MessageKey, params?: ImportProblem["params"]) => {
      row.problem ??= { key, params };
    };
    if ((Object.keys(COLUMNS) as Column[]).some((column) => FORMULA.test(cell(column)))) problem("import.rowFormula");
    if (!row.name || !row.surname) problem("import.rowName");
    if (`${row.name} ${row.surname}`.length > LIMITS.displayName || row.office.length > LIMITS.office)
      problem("import.rowTooLong");
    if (!EMAIL.test(row.email) || row.email.length > LIMITS.email) problem("import.rowEmail");
    const word = cell("role");
    const role = ROLE_WORDS[word.toLowerCase()] ?? (isRole(word.toUpperCase()) ? (word.toUpperCase() as Role) : null);
    if (role) row.role = role;
    else problem("import.rowRole", { role: cell("role") });
    for (const wanted of cell("groups")
      .split(/[|;,/]/)
      .map((g) => g.trim())
      .filter(Boolean)) {
      const group = groups.find(
        (g) => g.slug === wanted.toLowerCase() || g.name.toLowerCase() === wanted.toLowerCase(),
      );
      if (!group) problem("import.rowGroup", { group: wanted });
      else if (!row.groupIds.includes(group.id)) {
        row.groupIds.push(group.id);
        row.groupNames.push(group.name);
      }
    }
    const earlier = seen.get(row.email);
    if (earlier !== undefined) problem("import.rowRepeated", { line: earlier });
    else if (row.email) seen.set(row.email, line);
    if (existing.has(row.email)) problem("import.rowExists");
    else if (waiting.has(row.email)) problem("import.rowPending");
    return row;
  });
  const fileName = file.name.slice(0, 200);
  // A file with nothing to import (the same file again, say) is shown and not kept: it writes nothing.
  if (rows.every((row) => row.problem)) return { ok: true, id: null, batch: describe({ fileName, rows }) };
  const saved = await db.$transaction(async (tx) => {
    // Checked files never confirmed are kept a week, then forgotten.
    await tx.userImport.deleteMany({
      where: { status: "PREVIEW", createdAt: { lt: new Date(Date.now() - 7 * 86400_000) } },
    });
    return tx.userImport.create({
      data: { createdById: actor.id, fileName, rows: JSON.stringify(rows), total: rows.length },
      select: { id: true },
    });
  });
  return { ok: true, id: saved.id };
}

/** What the page shows of a checked file. */
function describe(found: { id?: string; fileName: string; rows: ImportRow[]; status?: string; done?: number }) {
  return {
    id: found.id ?? null,
    fileName: found.fileName,
    status: found.status ?? "PREVIEW",
    total: found.rows.length,
    done: found.done ?? 0,
    rows: found.rows,
    ready: found.rows.filter((row) => !row.problem).length,
  };
}

export type ImportBatch = ReturnType<typeof describe>;

export async function getImport(actor: Actor, id: string) {
  assertCan(actor, "user.invite");
  const found = await db.userImport.findUnique({ where: { id } });
  if (!found) httpError(404);
  return describe({ ...found, rows: JSON.parse(found.rows) as ImportRow[] });
}

/**
 * Imports the rows without problems: an invitation each (its groups applied when accepted), in
 * transactions of 50, progress recorded after each. Rows checked again now: someone may have
 * been invited since the preview. Returns the links' paths when e-mail is off (shown once, never
 * stored): the administrator hands them over as before.
 */
export async function runImport(actor: Actor, id: string) {
  assertCan(actor, "user.invite");
  const found = await db.userImport.findUnique({ where: { id } });
  if (!found) httpError(404);
  const rows = (JSON.parse(found.rows) as ImportRow[]).filter((row) => !row.problem);
  // The same file again: every row has an account or an invitation, nothing to do or record.
  if (rows.length === 0) httpError(409, "import.nothing");
  // One run per preview, also with two tabs or a double click.
  const claimed = await db.userImport.updateMany({
    where: { id, status: "PREVIEW" },
    data: { status: "RUNNING", done: 0 },
  });
  if (claimed.count !== 1) httpError(409, "import.notPending");
  return invite(actor.id, { id, fileName: found.fileName, total: found.total }, rows, 0);
}

/**
 * Invites the rows from `from` on, in chunks, recording progress after each; then marks the
 * import done. A chunk's rows already invited or with an account are skipped (checked again
 * now), so a chunk done twice invites nobody twice.
 */
async function invite(
  actorId: string | null,
  found: { id: string; fileName: string; total: number },
  rows: ImportRow[],
  from: number,
) {
  const { id } = found;
  const links: { email: string; path: string }[] = [];
  let created = 0;
  for (let start = from; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    const emails = chunk.map((row) => row.email);
    const { existing, waiting } = await alreadyThere(emails);
    await db.$transaction(async (tx) => {
      for (const row of chunk) {
        if (existing.has(row.email) || waiting.has(row.email)) continue;
        const invited = await newInvitation(tx, {
          email: row.email,
          role: row.role,
          invitedById: actorId,
          displayName: `${row.name} ${row.surname}`.slice(0, LIMITS.displayName),
          office: row.office.slice(0, LIMITS.office),
          groupIds: row.groupIds,
          importId: id,
        });
        if (!invited.mailed) links.push({ email: row.email, path: invitationPath(invited.token) });
        created++;
      }
      await tx.userImport.update({ where: { id }, data: { done: Math.min(start + CHUNK, rows.length) } });
    });
  }
  await db.$transaction(async (tx) => {
    await tx.userImport.update({ where: { id }, data: { status: "DONE", finishedAt: new Date() } });
    await audit(tx, actorId, "user.import", null, {
      file: found.fileName,
      invited: created,
      rows: found.total,
      ...(from > 0 ? { resumedAt: from } : {}),
    });
  });
  return { created, links };
}

/**
 * At start (issue 24): an import a stop or a kill left RUNNING goes on from its last recorded
 * chunk, on behalf of the administrator who started it, instead of staying «in corso» for ever.
 * Its invitation links, if e-mail is off, are on the users' page as for any invitation.
 */
export async function resumeImports() {
  const stuck = await db.userImport.findMany({
    where: { status: "RUNNING" },
    select: { id: true, fileName: true, total: true, rows: true, done: true, createdById: true },
  });
  for (const found of stuck) {
    const rows = (JSON.parse(found.rows) as ImportRow[]).filter((row) => !row.problem);
    log.info(
      { importId: found.id },
      `Importazione «${found.fileName}» interrotta: riprende dalla riga ${found.done + 1} di ${rows.length}.`,
    );
    // Progress is recorded with each chunk's transaction: what is done is a whole number of chunks.
    await invite(found.createdById, found, rows, found.done);
  }
}

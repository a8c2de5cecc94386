/**
 * The migration that cleans text written before the forms did (20261127140000_clean_user_text),
 * run on a database migrated up to the one before it and filled with dirty rows in every column
 * it names: afterwards no column holds a bidi control or a control character, the rest of each
 * text is intact, and the JSON columns still parse, with a backslash a person typed kept.
 */
import { readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT, TMP } from "../support/paths";

const MIGRATIONS = path.join(ROOT, "prisma", "migrations");
const CLEAN = "20261127140000_clean_user_text";
const file = path.join(TMP, `clean-migration-${process.pid}.db`);
afterAll(() => rmSync(file, { force: true }));

// eslint-disable-next-line no-control-regex -- the characters under test
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
const DIRTY = "Ma\u0000ri\u0000a \u202Eanna\u202C\u2066 Rossi\u2069\u0007\u0085\u009F\n\triga\u0000";
const CLEANED = "Maria anna Rossi\n\triga";

/** A value for a NOT NULL column the row needs (foreign keys are off while the rows are made). */
function filler(type: string, column: string) {
  if (/INT|BOOL/i.test(type)) return 1;
  if (/REAL|DEC|FLOAT|DOUBLE/i.test(type)) return 0;
  if (/DATE/i.test(type)) return "2026-01-01T00:00:00.000+00:00";
  return `${column}-${Math.random().toString(36).slice(2)}`;
}

describe("the migration that cleans stored text", () => {
  it("removes the characters from every column it names, keeps the rest and keeps JSON valid", () => {
    const migrations = readdirSync(MIGRATIONS)
      .filter((name) => /^\d{14}_/.test(name))
      .sort();
    expect(migrations).toContain(CLEAN);
    const db = new Database(file);
    for (const name of migrations.slice(0, migrations.indexOf(CLEAN)))
      db.exec(readFileSync(path.join(MIGRATIONS, name, "migration.sql"), "utf8"));

    const sql = readFileSync(path.join(MIGRATIONS, CLEAN, "migration.sql"), "utf8");
    const targets = [...new Set([...sql.matchAll(/^UPDATE "(\w+)" SET "(\w+)"/gm)].map((m) => `${m[1]}.${m[2]}`))];
    // Every text a person writes (the list) is among them.
    for (const expected of [
      "User.displayName",
      "User.office",
      "Idea.title",
      "Idea.body",
      "Comment.body",
      "Comment.hiddenReason",
      "CommentReport.reason",
      "IdeaEvent.reason",
      "BoardNote.note",
      "Tag.name",
      "WorkingGroup.name",
      "Objective.title",
      "ProgressUpdate.note",
      "Phase.name",
      "Milestone.title",
      "AuditEvent.data",
      "Notification.data",
    ])
      expect(targets).toContain(expected);

    // One dirty row per column named; JSON columns get a JSON object with the dirty text and a
    // backslash sequence a person typed, which must survive.
    const typed = "C:\\bin\\u0000 e \\\\ doppio";
    db.pragma("foreign_keys = OFF");
    const rows: { table: string; column: string; id: unknown; json: boolean }[] = [];
    for (const target of targets) {
      const [table, column] = target.split(".") as [string, string];
      const info = db.prepare(`PRAGMA table_info("${table}")`).all() as {
        name: string;
        type: string;
        notnull: number;
        dflt_value: unknown;
        pk: number;
      }[];
      const json = column === "data";
      const values: Record<string, unknown> = {};
      for (const c of info) {
        const rowid = c.pk && /INT/i.test(c.type); // numbered by SQLite
        if (!rowid && ((c.notnull && c.dflt_value === null) || c.pk)) values[c.name] = filler(c.type, c.name);
      }
      values[column] = json ? JSON.stringify({ reason: DIRTY, typed }) : DIRTY;
      const names = Object.keys(values);
      const columns = names.map((n) => `"${n}"`).join(", ");
      const marks = names.map(() => "?").join(", ");
      const result = db
        .prepare(`INSERT INTO "${table}" (${columns}) VALUES (${marks})`)
        .run(...names.map((n) => values[n] as string | number));
      const pk = info.find((c) => c.pk)!.name;
      rows.push({ table, column, id: values[pk] ?? result.lastInsertRowid, json });
    }
    expect(rows.length).toBe(targets.length);

    db.exec(sql);

    for (const { table, column, id, json } of rows) {
      const pk = (db.prepare(`PRAGMA table_info("${table}")`).all() as { name: string; pk: number }[]).find(
        (c) => c.pk,
      )!.name;
      const { value } = db.prepare(`SELECT "${column}" AS value FROM "${table}" WHERE "${pk}" = ?`).get(id) as {
        value: string;
      };
      expect(FORBIDDEN.test(value), `${table}.${column}`).toBe(false);
      if (json) expect(JSON.parse(value), `${table}.${column}`).toEqual({ reason: CLEANED, typed });
      else expect(value, `${table}.${column}`).toBe(CLEANED);
    }
    db.close();
  });
});

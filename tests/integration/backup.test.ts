import { execFile } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { createClient } from "~/lib/db/client.server";
import { Client } from "../support/http";
import { ideaAt } from "../support/ideas";
import { PASSWORD, seedScenario } from "../support/scenario";
import { startServer, type TestServer } from "../support/server";
import { ROOT, TMP } from "../support/paths";

const run = promisify(execFile);
let server: TestServer | undefined;
afterAll(() => server?.stop());

const script = (name: string, args: string[], env: Record<string, string>) =>
  run(process.execPath, [path.join(ROOT, "prisma", name), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
  }).then(
    (result) => ({ code: 0, stdout: result.stdout, stderr: result.stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({
      code: error.code,
      stdout: error.stdout,
      stderr: error.stderr,
    }),
  );

describe("backups", () => {
  it(
    "copies the database online during writes, keeps the last N, and " + "restores only when the server is stopped",
    async () => {
      server = await startServer();
      const scenario = await seedScenario(server.db);
      const idea = await ideaAt(server.db, scenario, "NUOVA");
      const browser = new Client(server.url);
      await browser.login(scenario.users.employee.email, PASSWORD);
      const env = {
        DATABASE_URL: `file:${server.dbFile}`,
        BACKUP_DIR: mkdtempSync(path.join(TMP, "backups-")),
        BACKUP_KEEP: "2",
      };

      // Writes go on while the backups are taken.
      let writing = true;
      const writes = (async () => {
        let n = 0;
        while (writing) await browser.post(`/idee/${idea.id}`, { intent: "comment", body: `Commento ${n++}` });
        return n;
      })();
      const backups: string[] = [];
      for (let i = 0; i < 3; i++) {
        const result = await script("backup.mjs", [], env);
        expect(result.code, result.stderr).toBe(0);
        backups.push(result.stdout.trim());
        await new Promise((resolve) => setTimeout(resolve, 1100));
      }
      writing = false;
      const written = await writes;
      expect(written).toBeGreaterThan(5);

      expect(existsSync(backups[0]!)).toBe(false); // only the last 2 are kept
      const latest = backups[2]!;
      const inspect = async (file: string) => {
        const client = createClient(`file:${file}`);
        const [check] = await client.$queryRawUnsafe<{ integrity_check: string }[]>("PRAGMA integrity_check");
        const comments = await client.comment.count();
        await client.$disconnect();
        return { check: check!.integrity_check, comments };
      };
      const copy = await inspect(latest);
      expect(copy.check).toBe("ok");
      const inBackup = copy.comments;
      expect(inBackup).toBeGreaterThan(0);
      expect(inBackup).toBeLessThanOrEqual(written);

      const refused = await script("restore.mjs", [latest], env);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain("Il server è in esecuzione");

      await server.stop();
      server = undefined;
      const restored = await script("restore.mjs", [latest], env);
      expect(restored.code, restored.stderr).toBe(0);
      expect(existsSync(`${env.DATABASE_URL.slice(5)}-wal`)).toBe(false);
      expect(await inspect(env.DATABASE_URL.slice(5))).toEqual({ check: "ok", comments: inBackup });

      expect((await script("restore.mjs", [path.join(TMP, "non-esiste.db")], env)).code).toBe(2);
    },
  );
});

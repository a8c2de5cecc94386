/**
 * The authorization matrix, generated from the route table: every route file's loader and action
 * × every kind of person, with the answer each must get. A route file without an entry here
 * fails the first test, so a new page cannot slip through unreviewed. Every refused write is
 * checked to have changed nothing; every allowed write to have changed something.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { changedTables, dbFingerprint } from "../support/db-state";
import { useServer } from "../support/harness";
import { Client } from "../support/http";
import { ACTORS, authorizationMatrix, EMAILS, type ActorName, type Answer } from "../support/matrix";
import { signedIn as signedInAs } from "../support/sessions";
import { ROOT } from "../support/paths";
import { PASSWORD } from "../support/scenario";

const harness = useServer();
const { MATRIX, arrange } = authorizationMatrix(harness);
const clients = {} as Record<ActorName, Client>;
let fixture: Awaited<ReturnType<typeof arrange>>;

beforeAll(async () => {
  fixture = await arrange();
  const { server } = harness;
  const emails = EMAILS;
  clients.anonymous = new Client(server.url);
  // The employee logs in through the page; the others get a session the way a login makes it
  // (the login throttle would otherwise count this file's many sign-ins from one address).
  clients.employee = new Client(server.url);
  await clients.employee.login(emails.employee, PASSWORD);
  for (const [actor, email] of Object.entries(emails) as [Exclude<ActorName, "anonymous">, string][]) {
    if (actor !== "employee") clients[actor] = await signedIn(email);
  }
  // The deactivated account had a valid session; the admin switches it off.
  await server.db.user.update({
    where: { email: emails.deactivated },
    data: { active: false, deactivatedAt: new Date() },
  });
  // A calendar secret of the employee's, made through the page.
  const made = await clients.employee.post("/profilo", { intent: "calendar" });
  expect(made.status).toBe(200);
  fixture.calendarToken = /\/calendario\/([A-Za-z0-9_-]{20,})\.ics/.exec(await made.text())?.[1] ?? "";
  expect(fixture.calendarToken).not.toBe("");
});

const routeFiles = readdirSync(path.join(ROOT, "app/routes")).map((file) => file.replace(/\.tsx?$/, ""));

describe("the route table", () => {
  it("has a matrix entry for every route file, loader and action", () => {
    const missing: string[] = [];
    for (const route of routeFiles) {
      const source = readFileSync(
        path.join(
          ROOT,
          "app/routes",
          readdirSync(path.join(ROOT, "app/routes")).find((f) => f.replace(/\.tsx?$/, "") === route)!,
        ),
        "utf8",
      );
      const entry = MATRIX[route];
      if (
        /export (async )?function loader|export const loader|export \{[^}]*\bloader\b/.test(source) &&
        !entry?.loader?.length
      )
        missing.push(`${route}: loader`);
      if (/export (async )?function action|export const action/.test(source) && !entry?.action?.length)
        missing.push(`${route}: action`);
    }
    expect(missing).toEqual([]);
    expect(Object.keys(MATRIX).filter((route) => !routeFiles.includes(route))).toEqual([]);
  });
});

function check(answer: Answer, response: Response, changed: string[]) {
  const location = response.headers.get("location") ?? "";
  switch (answer) {
    case "login":
      expect(response.status).toBe(302);
      expect(location).toMatch(/^\/login/);
      expect(changed).toEqual([]);
      return;
    case "redirect":
      expect([302, 303]).toContain(response.status);
      return;
    case "write":
      expect([200, 302, 303]).toContain(response.status);
      expect(changed.length).toBeGreaterThan(0);
      return;
    default:
      expect(response.status).toBe(answer);
      if (answer !== 200 || response.status !== 200) expect(changed).toEqual([]);
  }
}

for (const [route, entry] of Object.entries(MATRIX)) {
  describe(route, () => {
    for (const [kind, cases] of [
      ["loader", entry.loader ?? []],
      ["action", entry.action ?? []],
    ] as const) {
      for (const testCase of cases) {
        it.each(ACTORS.map((actor) => [actor, testCase.expect[actor]] as const))(
          `${kind} «${testCase.name}»: %s → %s`,
          async (actor, answer) => {
            const request = await testCase.request(actor);
            const before = await dbFingerprint(harness.server.db);
            const client = clients[actor];
            const response =
              kind === "loader"
                ? await client.get(request.path)
                : await client.post(request.path, request.form ?? {}, { body: request.body });
            const body = await response.text();
            const changed = changedTables(before, await dbFingerprint(harness.server.db));
            if (kind === "loader" && answer !== "write")
              expect(changed.filter((t) => t !== "Notification" && t !== "CalendarToken")).toEqual([]);
            try {
              check(answer, response, changed);
            } catch (error) {
              const location = response.headers.get("location") ?? "";
              const page = body
                .replace(/<[^>]+>/g, " ")
                .replace(/\s+/g, " ")
                .slice(0, 400);
              throw new Error(
                `${(error as Error).message}\n${response.status} ${location} changed=${changed.join(",")}\n${page}`,
                { cause: error },
              );
            }
            // A logout ends that session: log the person back in for the next rows.
            if (route === "logout" && actor !== "anonymous" && actor !== "deactivated")
              clients[actor] = await signedIn(emailOf(actor));
          },
        );
      }
    }
  });
}

function emailOf(actor: ActorName) {
  return EMAILS[actor as Exclude<ActorName, "anonymous">];
}

async function signedIn(email: string) {
  return signedInAs(harness.server, email);
}

import { createRequire } from "node:module";
import type * as Router from "@remix-run/router";
import { describe, expect, it } from "vitest";

/**
 * What our patch of @remix-run/router keeps (patches/, decision 0037) must answer exactly as the
 * router does without it: the same matches and paths, and a copy of its own for each caller.
 * The router is required as the server requires it (its CommonJS build, the one patched).
 */
const { matchRoutes, resolveTo } = createRequire(import.meta.url)("@remix-run/router") as typeof Router;
type AgnosticRouteObject = Router.AgnosticRouteObject;
const routes: AgnosticRouteObject[] = [
  {
    id: "root",
    path: "",
    children: [
      { id: "home", index: true },
      { id: "ideas", path: "idee" },
      { id: "idea", path: "idee/:id" },
      { id: "group", path: "gruppi/:slug" },
      { id: "splat", path: "*" },
    ],
  },
];

describe("the router's kept matches", () => {
  it.each([
    ["/", ["root", "home"], {}],
    ["/idee", ["root", "ideas"], {}],
    ["/idee/42", ["root", "idea"], { id: "42" }],
    ["/gruppi/logistica", ["root", "group"], { slug: "logistica" }],
    ["/non/esiste", ["root", "splat"], { "*": "non/esiste" }],
  ])("%s matches the same routes and params every time, each caller with its own copy", (path, ids, params) => {
    const first = matchRoutes(routes, path)!;
    const second = matchRoutes(routes, path)!;
    expect(first.map((match) => match.route.id)).toEqual(ids);
    expect(second.map((match) => match.route.id)).toEqual(ids);
    expect(second.at(-1)!.params).toEqual(params);
    expect(second).not.toBe(first);
    expect(second[0]).not.toBe(first[0]);
    // A caller that changes what it got does not change what the next one gets.
    (first.at(-1)!.params as Record<string, string>).id = "changed";
    first.at(-1)!.pathname = "/changed";
    const third = matchRoutes(routes, path)!;
    expect(third.at(-1)!.params).toEqual(params);
    expect(third.at(-1)!.pathname).not.toBe("/changed");
  });

  it("an address that matches nothing stays unmatched", () => {
    const bare = [{ id: "only", path: "solo" }];
    expect(matchRoutes(bare, "/altro")).toBeNull();
    expect(matchRoutes(bare, "/altro")).toBeNull();
    expect(matchRoutes(bare, "/solo")!.map((match) => match.route.id)).toEqual(["only"]);
  });
});

describe("the router's kept resolution of absolute paths", () => {
  const targets = ["/", "/idee", "/idee/", "/idee/7?x=1#c", "/a//b", "/a/../b", "/a/./b/", "/?q=1", "/#h"];
  const expected: Record<string, string> = {
    "/": "/",
    "/idee": "/idee",
    "/idee/": "/idee/",
    "/idee/7?x=1#c": "/idee/7?x=1#c",
    "/a//b": "/a/b",
    "/a/../b": "/b",
    "/a/./b/": "/a/b/",
    "/?q=1": "/?q=1",
    "/#h": "/#h",
  };
  it.each(targets)("%s resolves to the same path from any route and location, a new object each time", (to) => {
    const seen = [
      resolveTo(to, [], "/", false),
      resolveTo(to, ["/", "/idee"], "/idee/", false),
      resolveTo(to, ["/x/y/"], "/x/y", true),
    ];
    for (const path of seen) expect(`${path.pathname}${path.search}${path.hash}`).toBe(expected[to]);
    expect(seen[1]).not.toBe(seen[0]);
    seen[0]!.pathname = "/changed";
    expect(resolveTo(to, [], "/", false).pathname).not.toBe("/changed");
  });

  it("a relative path still resolves against the route it is in", () => {
    expect(resolveTo("7", ["/", "/idee"], "/idee", false).pathname).toBe("/idee/7");
    expect(resolveTo("..", ["/", "/idee", "/idee/7"], "/idee/7", false).pathname).toBe("/idee");
  });
});

describe("a loader's json() read back from its text on a document's render", () => {
  const { createStaticHandler, json } = createRequire(import.meta.url)("@remix-run/router") as typeof Router;
  const sent = {
    title: "Più sportelli, un'attesa sola…",
    at: new Date("2026-12-05T09:30:00.000Z"),
    missing: undefined,
    nested: [{ n: 1, ok: true, none: null }],
  };

  /** The router's document query with one route whose loader answers `answer()`. */
  async function load(answer: () => Response) {
    let response: Response | undefined;
    const handler = createStaticHandler([
      {
        id: "page",
        path: "/",
        loader: () => (response = answer()),
      },
    ]);
    const context = await handler.query(new Request("http://pionieri.test/"));
    if (context instanceof Response) throw new Error("unexpected response");
    return { data: context.loaderData.page as unknown, response: response! };
  }

  it("gives the loader's data as JSON gives it back, without reading the body", async () => {
    const { data, response } = await load(() => json(sent, { headers: { "X-Test": "1" } }));
    expect(data).toEqual(JSON.parse(JSON.stringify(sent)));
    expect((data as { at: unknown }).at).toBe("2026-12-05T09:30:00.000Z");
    // The body is still there, whole, for whoever sends it (a client's _data request).
    expect(response.bodyUsed).toBe(false);
    expect(await response.json()).toEqual(data);
  });

  it("reads the body as before for any other JSON response, and a read body is not read twice", async () => {
    const made = await load(
      () => new Response(JSON.stringify(sent), { headers: { "Content-Type": "application/json" } }),
    );
    expect(made.data).toEqual(JSON.parse(JSON.stringify(sent)));
    expect(made.response.bodyUsed).toBe(true);
    const empty = await load(() => json(undefined));
    expect(empty.data).toBeNull();
  });
});

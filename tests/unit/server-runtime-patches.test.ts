import { createRequire } from "node:module";
import type * as RemixNode from "@remix-run/node";
import type { EntryContext, ServerBuild } from "@remix-run/node";
import { describe, expect, it } from "vitest";

/**
 * What our patch of @remix-run/server-runtime changes (patches/, decisions 0035 and 0050) must
 * hand the document's render what Remix hands it without it. The runtime is required as the
 * server requires it (its CommonJS build, the one patched, through @remix-run/node), over a build
 * of two routes.
 */
const { createRequestHandler } = createRequire(import.meta.url)("@remix-run/node") as typeof RemixNode;

function documentsOf() {
  const seen: EntryContext[] = [];
  const root = { default: () => null, loader: () => ({ title: "Pionieri" }) };
  const home = { default: () => null, loader: () => ({ ideas: 3 }) };
  // Where a route sits: the root, or the index below it. The server's routes and the browser's
  // manifest both say it.
  const place = (id: string, parentId?: string) => ({
    id,
    parentId,
    path: parentId ? undefined : "",
    index: parentId ? true : undefined,
  });
  const asset = (id: string, parentId?: string) => ({
    ...place(id, parentId),
    module: `/build/${id}.js`,
    hasAction: false,
    hasLoader: true,
    hasClientAction: false,
    hasClientLoader: false,
    hasErrorBoundary: false,
  });
  const build = {
    mode: "production",
    entry: {
      module: {
        default: (_request: Request, status: number, _headers: Headers, context: EntryContext) => {
          seen.push(context);
          return new Response("ok", { status });
        },
      },
    },
    routes: {
      root: { ...place("root"), module: root },
      "routes/_index": { ...place("routes/_index", "root"), module: home },
    },
    assets: {
      entry: { imports: [], module: "/build/entry.js" },
      routes: { root: asset("root"), "routes/_index": asset("routes/_index", "root") },
      url: "/build/manifest.js",
      version: "test",
    },
    future: {},
    publicPath: "/build/",
    assetsBuildDirectory: "public/build",
    isSpaMode: false,
    basename: undefined,
  } as unknown as ServerBuild;
  return { seen, root, home, handle: createRequestHandler(build, "production") };
}

describe("the document's entry context", () => {
  it("hands every document of a build one map of its route modules, the same Remix would make", async () => {
    const { seen, root, home, handle } = documentsOf();
    for (let i = 0; i < 2; i++) expect((await handle(new Request("http://localhost/"))).status).toBe(200);
    expect(seen).toHaveLength(2);
    expect(seen[0]!.routeModules).toEqual({ root, "routes/_index": home });
    expect(seen[0]!.routeModules.root).toBe(root);
    expect(seen[1]!.routeModules).toBe(seen[0]!.routeModules);
  });

  it("another build gets a map of its own modules", async () => {
    const first = documentsOf();
    const second = documentsOf();
    await first.handle(new Request("http://localhost/"));
    await second.handle(new Request("http://localhost/"));
    expect(second.seen[0]!.routeModules).not.toBe(first.seen[0]!.routeModules);
    expect(second.seen[0]!.routeModules.root).toBe(second.root);
  });

  it("still hands the loaders' data to the browser when <Scripts> reads the handoff", async () => {
    const { seen, handle } = documentsOf();
    await handle(new Request("http://localhost/"));
    const handoff = seen[0]!.serverHandoffString!;
    expect(JSON.parse(handoff).state.loaderData).toEqual({
      root: { title: "Pionieri" },
      "routes/_index": { ideas: 3 },
    });
    expect(seen[0]!.staticHandlerContext.loaderData).toEqual({
      root: { title: "Pionieri" },
      "routes/_index": { ideas: 3 },
    });
  });
});

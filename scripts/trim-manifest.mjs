// Trims the browser's route manifest after `remix build` (decisions 0030, 0034). Every hydrated page
// loads the manifest, which listed every route of the app; the browser needs only those it draws
// (the hydrated pages) and those a hydrated page's form or fetcher calls (`handle.
// calledFromHydratedPages`, the support button's idea page say). Every other route, a page drawn by
// the server without JavaScript (`handle.hydrate = false`, decision 0024) or a resource route (a
// download, the API), leaves the manifest: a click to it from a hydrated page matches the catch-all
// route, whose clientLoader asks the server for the document (routes/$.tsx). About 1.7 KB (gzip)
// less on every hydrated page. The server-drawn pages that stay lose their import lists (0.6 KB):
// those only serve as preload hints, and the browser finds the same chunks by importing the module.
// The trimmed file gets a name of its own (its content's hash) and the server's bundle points to
// it, so a cached copy of the untrimmed one is never taken for it. Run by `npm run build`.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const assets = path.join(root, "public/build");
const serverBuild = path.join(root, "build/index.js");
const PREFIX = "window.__remixManifest=";

const name = readdirSync(assets).find((file) => /^manifest-[0-9A-F]+\.js$/.test(file));
if (!name) throw new Error("trim-manifest: nessun manifest in public/build (eseguire prima remix build)");
const source = readFileSync(path.join(assets, name), "utf8");
const manifest = JSON.parse(source.slice(PREFIX.length).replace(/;$/, ""));

/** The route's source file. */
function sourceOf(routeId) {
  for (const extension of [".tsx", ".ts"]) {
    const file = path.join(root, "app", `${routeId}${extension}`);
    if (existsSync(file)) return readFileSync(file, "utf8");
  }
  throw new Error(`trim-manifest: nessun sorgente per ${routeId}`);
}

let dropped = 0;
let trimmed = 0;
const routes = manifest.routes;
const needed = new Set(["root"]);
const serverOnly = new Set();
for (const id of Object.keys(routes)) {
  if (id === "root") continue;
  const source = sourceOf(id);
  if (/\bhydrate:\s*false\b/.test(source)) serverOnly.add(id);
  const drawn = /^export default\b/m.test(source) && !serverOnly.has(id);
  if (drawn || /\bcalledFromHydratedPages:\s*true\b/.test(source)) {
    // A route the browser keeps keeps its parents.
    for (let at = id; at && !needed.has(at); at = routes[at].parentId) needed.add(at);
  }
}
for (const id of Object.keys(routes)) {
  if (!needed.has(id)) {
    delete routes[id];
    dropped += 1;
  } else if (serverOnly.has(id) && routes[id].imports) {
    // A server-drawn page that stays (it is called from hydrated pages) needs no preload hints.
    delete routes[id].imports;
    trimmed += 1;
  }
}
const text = `${PREFIX}${JSON.stringify(manifest)};`;
const next = `manifest-${createHash("sha256").update(text).digest("hex").slice(0, 8).toUpperCase()}.js`;
writeFileSync(path.join(assets, next), text);
if (next !== name) rmSync(path.join(assets, name));
const bundle = readFileSync(serverBuild, "utf8");
const oldUrl = `/build/${name}`;
if (!bundle.includes(oldUrl)) throw new Error(`trim-manifest: ${oldUrl} non compare in build/index.js`);
writeFileSync(serverBuild, bundle.replaceAll(oldUrl, `/build/${next}`));
console.log(
  `Manifest: ${dropped} route fuori, ${trimmed} pagine senza JavaScript rimaste senza elenco di import ` +
    `(${name} → ${next}).`,
);

// Trims the browser's route manifest after `remix build` (decision 0030). Every hydrated page loads
// the manifest, which lists every route with the shared chunks it imports; for a page drawn by the
// server without JavaScript (`handle.hydrate = false`, decision 0024) that list only serves as
// preload hints when a hydrated page navigates to it, and the browser finds the same chunks by
// importing the route's module. Dropping those lists saves every hydrated page about 0.6 KB (gzip).
// The hydrated routes keep theirs: hydration renders the same preload links as the server did.
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

/** The route's source declares it is drawn without JavaScript (handle `hydrate: false`). */
function serverOnly(routeId) {
  for (const extension of [".tsx", ".ts"]) {
    const file = path.join(root, "app", `${routeId}${extension}`);
    if (existsSync(file)) return /\bhydrate:\s*false\b/.test(readFileSync(file, "utf8"));
  }
  return false;
}

let trimmed = 0;
for (const [id, route] of Object.entries(manifest.routes)) {
  if (id === "root" || !route.imports || !serverOnly(id)) continue;
  delete route.imports;
  trimmed += 1;
}
const text = `${PREFIX}${JSON.stringify(manifest)};`;
const next = `manifest-${createHash("sha256").update(text).digest("hex").slice(0, 8).toUpperCase()}.js`;
writeFileSync(path.join(assets, next), text);
if (next !== name) rmSync(path.join(assets, name));
const bundle = readFileSync(serverBuild, "utf8");
const oldUrl = `/build/${name}`;
if (!bundle.includes(oldUrl)) throw new Error(`trim-manifest: ${oldUrl} non compare in build/index.js`);
writeFileSync(serverBuild, bundle.replaceAll(oldUrl, `/build/${next}`));
console.log(`Manifest: ${trimmed} pagine senza JavaScript senza elenco di import (${name} → ${next}).`);

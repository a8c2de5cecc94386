// Prisma's query compiler as a file beside the server's bundle (decision 0036). The generated client
// imports it as a module that exports it in base64 (2.5 MB): once imported, V8 keeps that module's
// source and its string for the life of the process, about 5 MB of the server's heap for bytes
// used once, at the first query. Here the bytes are decoded once, at build time, into
// build/query_compiler_bg.sqlite.wasm, and the bundle reads that file instead. Run by `npm run build`.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const serverBuild = path.join(root, "build/index.js");
const MODULE = "@prisma/client/runtime/query_compiler_bg.sqlite.wasm-base64.mjs";
const WASM = "query_compiler_bg.sqlite.wasm";

const source = readFileSync(path.join(root, "node_modules", MODULE), "utf8");
const base64 = /^const wasm = "([A-Za-z0-9+/=]+)";/m.exec(source)?.[1];
if (!base64) throw new Error(`prisma-wasm-file: ${MODULE} non ha la forma attesa`);
const bytes = Buffer.from(base64, "base64");
if (!WebAssembly.validate(bytes)) throw new Error(`prisma-wasm-file: ${MODULE} non contiene un modulo WebAssembly`);
writeFileSync(path.join(root, "build", WASM), bytes);

// The generated client's loader, as esbuild writes it into the bundle.
const escaped = MODULE.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
const loader = new RegExp(
  `let \\{ wasm \\} = await import\\("${escaped}"\\);\\s*return await decodeBase64AsWasm\\(wasm\\);`,
);
const bundle = readFileSync(serverBuild, "utf8");
if (!loader.test(bundle))
  throw new Error(`prisma-wasm-file: il caricamento di ${MODULE} non compare in build/index.js`);
const reader = `(await import("node:fs/promises")).readFile(new URL("./${WASM}", import.meta.url))`;
writeFileSync(serverBuild, bundle.replace(loader, `return new WebAssembly.Module(await ${reader});`));
console.log(`Prisma: ${WASM} (${(bytes.length / 1048576).toFixed(1)} MB) letto da file, non da base64.`);

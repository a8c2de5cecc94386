import { readFileSync } from "node:fs";
import path from "node:path";
import { ROOT } from "./paths";

/**
 * `npm start`'s Node options and environment, read from package.json, so that the tests' servers and
 * the benchmark's run the built app as production runs it: the heap's flags shape its memory and
 * speed, and a Node that refuses one of them fails the tests, not the first start in production.
 */
export function startCommand(): { nodeOptions: string[]; env: Record<string, string> } {
  const start = (JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: { start: string } })
    .scripts.start;
  const options = /\bnode\s+((?:--\S+\s+)*)\S*build\/index\.js/.exec(start);
  if (!options) throw new Error(`npm start does not run build/index.js with node: ${start}`);
  return {
    nodeOptions: options[1]!.split(/\s+/).filter(Boolean),
    env: Object.fromEntries(
      [...(/^((?:\w+=\S+\s+)*)/.exec(start)?.[1] ?? "").matchAll(/(\w+)=(\S+)/g)].map((m) => [m[1]!, m[2]!]),
    ),
  };
}

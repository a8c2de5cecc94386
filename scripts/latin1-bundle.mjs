// Fails the build when the server's bundle holds a character beyond Latin-1 (decision 0039). V8
// keeps each module's source for the life of the process, as one byte per character when every
// character fits in one (Latin-1), else two: two ellipses in a comment and a query made the 1.3 MB
// bundle a 2.5 MB string on the server's heap. esbuild escapes strings, not comments nor tagged
// templates (Prisma.sql): write "..." in a comment, char(8230) in SQL. Run by `npm run build`,
// after the bundle's last rewrite.
import { readFileSync } from "node:fs";
import path from "node:path";

const file = path.resolve(import.meta.dirname, "../build/index.js");
const lines = readFileSync(file, "utf8").split("\n");
const found = lines.flatMap((line, i) =>
  [...line].some((c) => c.codePointAt(0) > 0xff) ? [`  ${i + 1}: ${line.trim().slice(0, 120)}`] : [],
);
if (found.length > 0) {
  console.error(
    `build/index.js contiene caratteri oltre Latin-1: V8 ne terrebbe il sorgente a due byte per carattere.\n` +
      `Scriverli in ASCII ("..." in un commento, char(8230) in SQL):\n${found.join("\n")}`,
  );
  process.exit(1);
}

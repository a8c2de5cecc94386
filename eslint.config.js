// ESLint for the whole repository: TypeScript and React hooks rules, Prettier's width for every
// line, and the layering written as rules (docs/decisions/0012-layers-lint-and-format.md).
import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";
import prettierOptions from "./.prettierrc.json" with { type: "json" };

/** No line past the formatter's width: Prettier leaves long strings, comments and templates alone. */
const lineWidth = {
  meta: { type: "layout", schema: [], messages: { long: "Riga di {{length}} caratteri: il limite è {{max}}." } },
  create(context) {
    const max = prettierOptions.printWidth;
    return {
      Program() {
        context.sourceCode.lines.forEach((line, index) => {
          if (line.length > max) {
            context.report({
              loc: { line: index + 1, column: max },
              messageId: "long",
              data: { length: line.length, max },
            });
          }
        });
      },
    };
  },
};

/** Where raw SQL may be written: the hot paths named in docs/decisions/0013-database-access.md. */
const RAW_SQL_ALLOWED = [
  "app/lib/db/**",
  "app/lib/auth.server.ts",
  "app/domain/activity.server.ts",
  "app/domain/board.server.ts",
  "app/domain/campaigns.server.ts",
  // A challenge's page: the challenge with its count of ideas cost more than its 50 ideas (issue 22).
  "app/domain/challenge-reads.server.ts",
  "app/domain/comments.server.ts",
  "app/domain/findings.server.ts",
  "app/domain/groups.server.ts",
  // A group's meetings, a meeting's page and the home page's open challenges (issues 22, 23).
  "app/domain/meetings.server.ts",
  "app/domain/open-challenges.server.ts",
  // The list of polls and a poll's page: Prisma's work was most of their time (decision 0013).
  "app/domain/poll-reads.server.ts",
  "app/domain/idea-list.server.ts",
  "app/domain/idea-page.server.ts",
  "app/domain/notifications.server.ts",
  // _prisma_migrations has no model; the write probe changes nothing (issue 24).
  "app/domain/readiness.server.ts",
  "app/domain/supports.server.ts",
  "app/domain/tags.server.ts",
  "app/domain/timeline.server.ts",
];

const rawSql = {
  imports: [
    {
      group: ["~/lib/db/fast.server", "**/db/fast.server"],
      message: "La connessione veloce (SQL scritto a mano) solo nei moduli della decisione 0013: qui si usa Prisma.",
    },
  ],
  syntax: [
    {
      selector: "TaggedTemplateExpression[tag.object.name='Prisma'][tag.property.name='sql']",
      message: "SQL scritto a mano solo nei moduli della decisione 0013: qui si usa Prisma.",
    },
    {
      selector: "MemberExpression[property.name=/^\\$(queryRaw|executeRaw|queryRawUnsafe|executeRawUnsafe)$/]",
      message: "SQL scritto a mano solo nei moduli della decisione 0013: qui si usa Prisma.",
    },
  ],
};

const database = {
  group: ["@prisma/*", "better-sqlite3", "~/generated/**", "**/generated/prisma/**", "~/lib/db/**", "**/lib/db/**"],
  message: "Pagine e componenti non toccano il database: chiedono a un modulo di app/domain.",
};
const serverModules = {
  group: ["**/*.server", "**/*.server.*", "~/forms/**"],
  message:
    "Un componente gira anche nel browser: niente moduli .server (i tipi condivisi stanno in un modulo senza .server).",
};
const upward = {
  group: ["~/routes/**", "~/components/**", "~/forms/**", "~/root", "**/routes/**", "**/components/**", "**/root"],
  message: "app/domain non dipende da pagine, componenti o moduli dei form.",
};
const intoDomain = {
  group: ["~/domain/**", "~/routes/**", "~/components/**", "~/forms/**", "~/root", "**/domain/**"],
  message: "app/lib è l'infrastruttura: non conosce il dominio né le pagine.",
};

/**
 * The layering, folder by folder. Each folder's block also forbids raw SQL, except in the files
 * that decision 0013 names, which keep the folder's layering alone (a rule's options do not merge).
 */
const LAYERS = [
  { dir: "app/routes/", patterns: [database] },
  { dir: "app/components/", patterns: [database, serverModules] },
  { dir: "app/domain/", patterns: [upward] },
  { dir: "app/lib/", patterns: [intoDomain] },
  {
    dir: "app/forms/",
    patterns: [{ group: ["~/routes/**", "~/components/**"], message: "I form non dipendono dalle pagine." }],
  },
];
const layering = LAYERS.flatMap(({ dir, patterns }) => {
  const allowed = RAW_SQL_ALLOWED.filter((glob) => glob.startsWith(dir));
  return [
    {
      files: [`${dir}**`],
      ignores: allowed,
      rules: {
        "no-restricted-imports": ["error", { patterns: [...patterns, ...rawSql.imports] }],
        "no-restricted-syntax": ["error", ...rawSql.syntax],
      },
    },
    ...(allowed.length ? [{ files: allowed, rules: { "no-restricted-imports": ["error", { patterns }] } }] : []),
  ];
});

export default tseslint.config(
  {
    ignores: [
      "build/**",
      "public/build/**",
      "app/generated/**",
      "app/styles/generated/**",
      "tmp/**",
      "data/**",
      ".cache/**",
      "node_modules/**",
      "tests/lint/fixtures/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { pionieri: { rules: { "line-width": lineWidth } } },
    rules: {
      "pionieri/line-width": "error",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      eqeqeq: ["error", "always"],
      "no-console": "off",
    },
  },
  { files: ["app/**/*.tsx"], ...reactHooks.configs.flat.recommended },
  ...layering,
  {
    files: ["app/*.ts", "app/*.tsx"],
    rules: {
      "no-restricted-imports": ["error", { patterns: rawSql.imports }],
      "no-restricted-syntax": ["error", ...rawSql.syntax],
    },
  },
  prettier,
);

import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";

// Floors (docs/architecture.md): domain ← db ← search ← server ← app. Each folder imports only from the floors below
// it, so an import that runs back up fails `npm run lint` (and npm test). Circles are found by dependency-cruiser.
const above = { domain: ["db", "search", "server", "app"], db: ["search", "server", "app"], search: ["db", "server", "app"], server: ["app"] };
// All SQL lives in db/repositories: above db/, kysely's raw `sql` tag may not be imported (types stay allowed).
const noSqlTag = { name: "kysely", importNames: ["sql"], message: "SQL lives in db/repositories: add a repository function there and call it." };
const sqlAbove = new Set(["search", "server", "app"]);
// no-restricted-imports sees `import` and `export … from` only; a dynamic import("../app/…") is an ImportExpression,
// refused here by its path (a string or a template's text). \x2F is "/" (esquery's regex literals cannot hold one).
const upwardDynamicImport = (floor, forbidden) => {
  const path = `(^|\\x2F)(${forbidden.join("|")})(\\x2F|$)|^~\\x2F`;
  const message = `${floor}/ sits below ${forbidden.join(", ")}: a dynamic import() runs back up a floor just as a static one does; move what both need down to domain/ (or the lower floor).`;
  return [
    { selector: `ImportExpression > Literal.source[value=/${path}/]`, message },
    { selector: `ImportExpression > TemplateLiteral.source > TemplateElement[value.raw=/${path}/]`, message },
  ];
};
// Query builder calls outside db/ are SQL too (db.selectFrom(...) in a service): they belong in a repository.
const queryBuilderCall = {
  selector: "CallExpression[callee.property.name=/^(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto)$/]",
  message: "SQL lives in db/repositories: add a repository function there (it may take a transaction) and call it.",
};
// no-restricted-syntax takes one list per file (a later config block replaces an earlier one's), so each floor's list
// is assembled here: the upward dynamic imports, plus the query builder above db/.
const syntaxRules = (floor) => [...(above[floor] ? upwardDynamicImport(floor, above[floor]) : []), ...(floor === "server" || floor === "app" ? [queryBuilderCall] : [])];
const floors = Object.entries(above).map(([floor, forbidden]) => ({
  files: [`${floor}/**/*.{ts,tsx,mjs}`],
  rules: {
    "no-restricted-syntax": ["error", ...syntaxRules(floor)],
    "no-restricted-imports": [
      "error",
      {
        ...(sqlAbove.has(floor) ? { paths: [noSqlTag] } : {}),
        patterns: [{ group: [...forbidden.map((f) => `**/${f}/**`), "~/**"], message: `${floor}/ sits below ${forbidden.join(", ")}: move what both need down to domain/ (or the lower floor).` }],
      },
    ],
  },
}));
const queryBuilderInApp = { files: ["app/**/*.{ts,tsx}"], rules: { "no-restricted-syntax": ["error", ...syntaxRules("app")] } };
// Repositories name their columns: selectAll()/returningAll() would let a new column (a secret, a large text) flow into
// every caller and page by default.
const namedColumns = {
  files: ["db/repositories/**/*.ts"],
  rules: {
    "no-restricted-syntax": [
      "error",
      ...syntaxRules("db"),
      {
        selector: "CallExpression[callee.property.name=/^(selectAll|returningAll)$/]",
        message: "Name the columns (select([...]) / returning([...])): selectAll and returningAll let every new column, secrets included, reach callers unasked.",
      },
    ],
  },
};

// Routes reach data only through the services of the load context (context.services): app/ imports nothing from db/
// at run time. Types (a row shape) stay importable, since they vanish from the build.
const noDbInApp = { group: ["**/db/**"], allowTypeImports: true, message: "app/ reaches data through context.services (a service in server/<domain>/), never db/ or a repository; `import type` is fine." };
// Route modules and components are bundled for the browser too: a run-time import of server/ or zod there ships that
// code to every visitor (esbuild cannot drop modules it cannot prove free of side effects). Loaders and actions take
// server code through app/lib/*.server.ts (replaced by an empty module in the browser build); `import type` is fine.
const serverOnlyFromServerFiles = {
  group: ["**/server/**", "zod", "zod/*"],
  allowTypeImports: true,
  message: "Browser bundles must not carry server code: import it through a *.server.ts module (app/lib/server-modules.server.ts, route-schemas.server.ts) or take it from domain/.",
};
// Links go through app/components/link.tsx, which writes plain-path links straight as anchors on the server (issue 16,
// docs/decisions/0011-server-links.md); a direct import of Remix's would quietly bring the slow path back.
const remixLinks = { name: "@remix-run/react", importNames: ["Link", "NavLink"], message: "Import Link and NavLink from ~/components/link (same props, cheaper on the server)." };
const appFloor = {
  files: ["app/**/*.{ts,tsx}"],
  ignores: ["app/**/*.server.ts", "app/entry.server.tsx"],
  rules: { "@typescript-eslint/no-restricted-imports": ["error", { paths: [remixLinks], patterns: [noDbInApp, serverOnlyFromServerFiles] }] },
};
const linkComponent = {
  files: ["app/components/link.tsx"],
  rules: { "@typescript-eslint/no-restricted-imports": ["error", { patterns: [noDbInApp, serverOnlyFromServerFiles] }] },
};
const appServerFiles = {
  files: ["app/**/*.server.ts", "app/entry.server.tsx"],
  rules: { "@typescript-eslint/no-restricted-imports": ["error", { patterns: [noDbInApp] }] },
};

export default tseslint.config(
  { ignores: ["node_modules", "build", "public/build", "bench/pages/anchor/build", "data", ".tmp", "**/*.d.ts"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-explicit-any": "off",
      "no-console": "off",
    },
  },
  ...floors,
  appFloor,
  linkComponent,
  appServerFiles,
  queryBuilderInApp,
  namedColumns,
);

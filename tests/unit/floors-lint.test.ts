import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// Floors (docs/architecture.md): domain ← db ← search ← server ← app. For each floor, an import that runs back up
// fails `npm run lint` (so npm test and CI), whether it is written `import … from`, `export … from` or `import()`.
const eslint = new ESLint({ cwd: path.resolve(import.meta.dirname, "../..") });
const rulesFor = async (code: string, filePath: string) => (await eslint.lintText(code, { filePath }))[0].messages.map((m) => m.ruleId);

// A file in each floor and a module of the floor right above it (the nearest upward step is the easiest to take).
const probes = [
  { floor: "domain", file: "domain/probe.ts", up: "../db/schema.js" },
  { floor: "db", file: "db/repositories/probe.ts", up: "../../server/config.js" },
  { floor: "search", file: "search/shared/probe.ts", up: "../../server/config.js" },
  { floor: "search (to db)", file: "search/probe.ts", up: "../db/index.js" },
  { floor: "server", file: "server/events/probe.ts", up: "../../app/lib/format.js" },
];

describe("ESLint floor rules", () => {
  it.each(probes)("refuse a static import running up from $floor", async ({ file, up }) => {
    expect(await rulesFor(`import { x } from "${up}";\nexport const y = x;\n`, file)).toContain("no-restricted-imports");
    expect(await rulesFor(`export { x } from "${up}";\n`, file)).toContain("no-restricted-imports");
  }, 60_000);

  it.each(probes)("refuse a dynamic import() running up from $floor, with a plain or a template path", async ({ file, up }) => {
    expect(await rulesFor(`export const load = () => import("${up}");\n`, file)).toContain("no-restricted-syntax");
    const template = up.replace(/[^/]+$/, "${name}");
    expect(await rulesFor(`export const load = (name: string) => import(\`${template}\`);\n`, file)).toContain("no-restricted-syntax");
  }, 60_000);

  it("let each floor import downwards, statically and dynamically", async () => {
    expect(await rulesFor(`import { x } from "../domain/slug.js";\nexport const load = () => import("../domain/slug.js");\nexport const y = x;\n`, "search/probe.ts")).toEqual([]);
    expect(await rulesFor(`export const load = () => import("../search/indexer.js");\n`, "server/probe.ts")).toEqual([]);
    expect(await rulesFor(`export const load = () => import("./search-outbox.js");\n`, "db/repositories/probe.ts")).toEqual([]);
  }, 60_000);

  it("still refuse query building in a server service once the dynamic-import rules sit beside it", async () => {
    const code = `import type { Db } from "../../db/index.js";\nexport const titles = (db: Db) => db.selectFrom("events").select(["title"]).execute();\n`;
    expect(await rulesFor(code, "server/events/probe.ts")).toContain("no-restricted-syntax");
  }, 60_000);
});

describe("repositories name their columns", () => {
  it("refuse selectAll and returningAll in db/repositories", async () => {
    const head = `import type { Db } from "../index.js";\n`;
    expect(await rulesFor(`${head}export const all = (db: Db) => db.selectFrom("users").selectAll().execute();\n`, "db/repositories/probe.ts")).toContain("no-restricted-syntax");
    expect(await rulesFor(`${head}export const add = (db: Db) => db.insertInto("areas").values({ slug: "x", name: "X", position: 1 }).returningAll().execute();\n`, "db/repositories/probe.ts")).toContain("no-restricted-syntax");
  }, 60_000);

  it("allow an explicit column list", async () => {
    expect(await rulesFor(`import type { Db } from "../index.js";\nexport const names = (db: Db) => db.selectFrom("users").select(["id", "name"]).execute();\n`, "db/repositories/probe.ts")).toEqual([]);
  }, 60_000);
});

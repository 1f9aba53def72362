import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// ALL SQL lives in db/repositories (docs/architecture.md): the lint that `npm test` runs refuses it elsewhere.
const eslint = new ESLint({ cwd: process.cwd() });
const messagesFor = async (code: string, filePath: string) => (await eslint.lintText(code, { filePath }))[0].messages.map((m) => `${m.ruleId}: ${m.message}`);

describe("SQL stays in db/repositories", () => {
  it("refuses a query built in a server service", async () => {
    const code = `import type { Db } from "../../db/index.js";\nexport const titles = (db: Db) => db.selectFrom("events").select(["title"]).execute();\n`;
    expect(await messagesFor(code, "server/events/titles.ts")).toEqual([expect.stringMatching(/^no-restricted-syntax: SQL lives in db\/repositories/)]);
  });

  it("refuses kysely's raw sql tag outside db/, but allows its types", async () => {
    const code = `import { sql, type Kysely } from "kysely";\nexport const now = sql\`now()\`;\nexport type K = Kysely<object>;\n`;
    expect(await messagesFor(code, "server/events/now.ts")).toEqual([expect.stringMatching(/^no-restricted-imports: .*SQL lives in db\/repositories/)]);
    expect(await messagesFor(`import type { Selectable } from "kysely";\nexport type S = Selectable<{ id: number }>;\n`, "server/events/types.ts")).toEqual([]);
  });

  it("lets repositories build queries", async () => {
    const code = `import { sql } from "kysely";\nimport type { Db } from "../index.js";\nexport const titles = (db: Db) => db.selectFrom("events").select(["title"]).where(sql<boolean>\`1 = 1\`).execute();\n`;
    expect(await messagesFor(code, "db/repositories/titles.ts")).toEqual([]);
  });
});

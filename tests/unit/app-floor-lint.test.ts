import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// Issue 12: routes reach data through context.services; an import of db/ in app/ fails `npm run lint` (types excepted).
describe("ESLint floor rule for app/", () => {
  const eslint = new ESLint({ cwd: path.resolve(import.meta.dirname, "../..") });
  const lint = async (code: string) => (await eslint.lintText(code, { filePath: "app/routes/probe.tsx" }))[0].messages.map((m) => m.ruleId);

  it("refuses a repository import in a route", async () => {
    expect(await lint('import { listAreas } from "../../db/repositories/areas.js";\nexport const x = listAreas;\n')).toContain("@typescript-eslint/no-restricted-imports");
  }, 60_000);

  it("allows a type import from db/", async () => {
    expect(await lint('import type { SessionUser } from "../../db/repositories/sessions.js";\nexport type X = SessionUser;\n')).not.toContain("@typescript-eslint/no-restricted-imports");
  }, 60_000);

  // Issue 16: server code and zod stay out of browser bundles; a route takes them through a *.server.ts module.
  it("refuses a run-time import of server/ or zod in a route, and allows it in a .server.ts module", async () => {
    expect(await lint('import { can } from "../../server/auth/permissions.js";\nexport const x = can;\n')).toContain("@typescript-eslint/no-restricted-imports");
    expect(await lint('import { z } from "zod";\nexport const x = z.string();\n')).toContain("@typescript-eslint/no-restricted-imports");
    expect(await lint('import type { Actor } from "../../server/auth/permissions.js";\nexport type X = Actor;\n')).not.toContain("@typescript-eslint/no-restricted-imports");
    const inServerFile = (await eslint.lintText('import { can } from "../../server/auth/permissions.js";\nexport const x = can;\n', { filePath: "app/lib/probe.server.ts" }))[0].messages.map((m) => m.ruleId);
    expect(inServerFile).not.toContain("@typescript-eslint/no-restricted-imports");
  }, 60_000);
});

// The admin tables (one DataTable component) read the same to a screen reader on every page: each table is named by a
// caption and its column headings are scoped; a list with nothing in it says so instead of showing bare headings.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { admin as adminText } from "../../domain/i18n/pl/admin.js";
import { library } from "../../domain/i18n/pl/library.js";
import { signedIn, type TestClient } from "../setup/http-client.js";
import { startTestServer, type TestServer } from "../setup/test-server.js";

let app: TestServer;
let admin: TestClient;
beforeAll(async () => {
  app = await startTestServer();
  admin = await signedIn(app.url, "admin");
});
afterAll(async () => app?.stop());

const tablesIn = (html: string) => [...html.matchAll(/<table>([\s\S]*?)<\/table>/g)].map((m) => m[1]);
const captionOf = (table: string) => /<caption[^>]*>([^<]*)<\/caption>/.exec(table)?.[1] ?? null;
const headOf = (table: string) => /<thead>([\s\S]*?)<\/thead>/.exec(table)?.[1] ?? "";

function expectNamedAndScoped(html: string) {
  const tables = tablesIn(html);
  expect(tables.length).toBeGreaterThan(0);
  for (const table of tables) {
    expect(captionOf(table)).toBeTruthy();
    const heads = [...headOf(table).matchAll(/<th([^>]*)>/g)].map((m) => m[1]);
    expect(heads.length).toBeGreaterThan(0);
    for (const attrs of heads) expect(attrs).toContain('scope="col"');
  }
}

describe("admin tables", () => {
  it("name every table and scope every column heading on the users, audit and city-claims pages", async () => {
    for (const path of ["/admin/uzytkownicy", "/admin/dziennik", "/admin/miasta-zgloszenia"]) {
      const page = await admin.html(path);
      expect(page.status, path).toBe(200);
      expectNamedAndScoped(page.html);
    }
  });

  it("say 'no users match' without an empty table when a search finds nobody", async () => {
    const page = await admin.html("/admin/uzytkownicy?q=nikt-taki-nie-istnieje");
    expect(page.html).toContain(adminText.empty);
    expect(tablesIn(page.html)).toHaveLength(0);
  });

  it("name the import report's warnings and rejected lines by caption", async () => {
    await admin.get("/admin/import");
    const file = [JSON.stringify({ externalId: "tab-1", kind: "publication" }), "{ to nie jest JSON"].join("\n");
    const res = await admin.post("/admin/import", { text: file, dryRun: "1" });
    const tables = tablesIn(await res.text());
    expect(tables.map(captionOf)).toContain(library.import.rejectedHeading);
    expectNamedAndScoped(`<table>${tables.join("</table><table>")}</table>`);
  });
});

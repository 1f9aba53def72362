// The tables of the site (one DataTable component) read the same to a screen reader on every page: each table is named
// by a caption and its headings are scoped (columns in the head, row headings in the body); a list with nothing in it
// says so instead of showing bare headings.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { admin as adminText } from "../../domain/i18n/pl/admin.js";
import { library } from "../../domain/i18n/pl/library.js";
import { buildEventForm } from "../factories/events.js";
import { signedIn, TestClient } from "../setup/http-client.js";
import { startTestServer, type TestServer } from "../setup/test-server.js";

let app: TestServer;
let admin: TestClient;
beforeAll(async () => {
  app = await startTestServer();
  admin = await signedIn(app.url, "admin");
});
afterAll(async () => app?.stop());

const tablesIn = (html: string) => [...html.matchAll(/<table[^>]*>([\s\S]*?)<\/table>/g)].map((m) => m[1]);
const captionOf = (table: string) => /<caption[^>]*>([^<]*)<\/caption>/.exec(table)?.[1] ?? null;
const headOf = (table: string) => /<thead>([\s\S]*?)<\/thead>/.exec(table)?.[1] ?? "";
const bodyOf = (table: string) => /<tbody>([\s\S]*?)<\/tbody>/.exec(table)?.[1] ?? "";

function expectNamedAndScoped(html: string) {
  const tables = tablesIn(html);
  expect(tables.length).toBeGreaterThan(0);
  for (const table of tables) {
    expect(captionOf(table)).toBeTruthy();
    const heads = [...headOf(table).matchAll(/<th([^>]*)>/g)].map((m) => m[1]);
    expect(heads.length).toBeGreaterThan(0);
    for (const attrs of heads) expect(attrs).toContain('scope="col"');
    for (const [, attrs] of bodyOf(table).matchAll(/<th([^>]*)>/g)) expect(attrs).toContain('scope="row"');
  }
}

/** A list of row headings and values (no column heads): named by a caption, every row heading scoped. */
function expectNamedRowList(table: string) {
  expect(captionOf(table)).toBeTruthy();
  const rows = [...bodyOf(table).matchAll(/<th([^>]*)>/g)].map((m) => m[1]);
  expect(rows.length).toBeGreaterThan(0);
  for (const attrs of rows) expect(attrs).toContain('scope="row"');
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

describe("tables outside the admin pages", () => {
  it("name every table and scope every heading: city directory, own library items, participants, agreements, survey results and a city's answers", async () => {
    const member = await signedIn(app.url, "member");
    const moderator = await signedIn(app.url, "moderator");

    // An item in the library, so the editors' list is a table and not its empty state.
    await admin.get("/admin/import");
    const item = { externalId: "tables-1", slug: "tabele-rewitalizacja", kind: "publication", title: "Rewitalizacja śródmieścia", summary: "Publikacja do testu tabel.", areas: ["gospodarka"], year: 2024 };
    expect((await admin.post("/admin/import", { text: JSON.stringify(item) })).status).toBe(200);
    // An event with one participant, whose list its organisers see.
    await moderator.get("/wydarzenia/nowe");
    const created = await moderator.post("/wydarzenia/nowe", buildEventForm());
    expect(created.status).toBe(302);
    const eventPath = created.headers.get("location")!.split("?")[0];
    await member.get(eventPath);
    expect((await member.post(eventPath, { intent: "register" })).status).toBeLessThan(400);
    // The demo survey answered by Dzierżoniów (a matrix question among others), for its results and the city's profile.
    await member.get("/ankiety/seminaria-2020");
    const resources = ["kapital-ludzki", "przedsiebiorczosc", "dziedzictwo", "przyroda", "polozenie", "tereny", "wspolpraca"];
    const answers = { udzial: "tak", tematy: ["dane", "fundusze"], gotowosc: "4", uwagi: "Rewitalizacja dworca", ...Object.fromEntries(resources.map((r) => [`zasoby.${r}`, "atut"])) };
    expect((await member.post("/ankiety/seminaria-2020", { intent: "submit", version: "0", ...answers })).status).toBe(302);

    const pages: [TestClient, string][] = [
      [new TestClient(app.url), "/miasta"],
      [admin, "/biblioteka/moje"],
      [admin, eventPath],
      [member, "/sieci/zmiany-demograficzne"],
      [admin, "/ankiety/seminaria-2020/wyniki"],
    ];
    for (const [client, path] of pages) {
      const page = await client.html(path);
      expect(page.status, path).toBe(200);
      expectNamedAndScoped(page.html);
    }

    const profile = await member.html("/miasta/dzierzoniow");
    const answerTables = tablesIn(profile.html);
    expect(answerTables.length).toBeGreaterThan(0);
    for (const table of answerTables) expectNamedRowList(table);
  });
});

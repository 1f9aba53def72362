import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildEventForm } from "../factories/events.js";
import { dialects } from "../setup/dialects.js";
import { signedIn, TestClient } from "../setup/http-client.js";
import { startTestServer, type TestServer } from "../setup/test-server.js";

const entries = (xml: string) => [...xml.matchAll(/<entry>([\s\S]*?)<\/entry>/g)].map((m) => ({ title: (/<title[^>]*>([\s\S]*?)<\/title>/.exec(m[1])?.[1] ?? "").replace(/^<!\[CDATA\[|\]\]>$/g, ""), link: /<link href="([^"]+)"/.exec(m[1])?.[1] ?? "" }));

describe.each(await dialects())("Atom feeds on %s", (dialect) => {
  let app: TestServer;
  const anonymous = () => new TestClient(app.url);
  beforeAll(async () => {
    app = await startTestServer({ dialect });
  });
  afterAll(async () => app?.stop());

  async function feed(path: string) {
    const res = await anonymous().request(path);
    return { status: res.status, type: res.headers.get("content-type") ?? "", xml: await res.text() };
  }

  it("publishes the library as Atom, newest first, and one thematic area with ?obszar=", async () => {
    const all = await feed("/biblioteka/atom.xml");
    expect(all.status).toBe(200);
    expect(all.type).toContain("application/atom+xml");
    expect(all.xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
    expect(all.xml).toContain("<title>Biblioteka Forum Rozwoju Lokalnego</title>");
    const everything = entries(all.xml);
    expect(everything.length).toBeGreaterThan(0);
    for (const e of everything) expect(e.link).toMatch(new RegExp(`^${app.url}/biblioteka/[a-z0-9-]+$`));

    const db = app.services.db.db;
    const inFinance = new Set(
      (await db.selectFrom("libraryItems").innerJoin("libraryItemAreas", "libraryItemAreas.itemId", "libraryItems.id").innerJoin("thematicAreas", "thematicAreas.id", "libraryItemAreas.areaId").select("libraryItems.slug").where("thematicAreas.slug", "=", "finanse").where("libraryItems.status", "=", "published").execute()).map((r) => r.slug),
    );
    const area = await feed("/biblioteka/atom.xml?obszar=finanse");
    expect(area.status).toBe(200);
    expect(area.xml).toContain("<title>Biblioteka Forum Rozwoju Lokalnego: Polityka finansowa</title>");
    const filtered = entries(area.xml);
    expect(filtered.length).toBe(Math.min(50, inFinance.size));
    for (const e of filtered) expect(inFinance.has(e.link.split("/").pop()!), e.link).toBe(true);
  });

  it("publishes upcoming events as Atom, by area, and answers an unknown area with a 404", async () => {
    const moderator = await signedIn(app.url, "moderator");
    await moderator.get("/wydarzenia/nowe");
    const res = await moderator.post("/wydarzenia/nowe", buildEventForm({ title: "Webinarium o obligacjach komunalnych", "areas[]": ["finanse"] } as Parameters<typeof buildEventForm>[0]));
    expect(res.status).toBe(302);
    const slug = res.headers.get("location")!.split("?")[0].split("/").pop()!;
    const finance = await feed("/wydarzenia/atom.xml?obszar=finanse");
    expect(finance.status).toBe(200);
    expect(entries(finance.xml).find((e) => e.title.startsWith("Webinarium o obligacjach komunalnych"))?.link).toBe(`${app.url}/wydarzenia/${slug}`);
    expect((await feed("/wydarzenia/atom.xml?obszar=nieruchomosci")).xml).not.toContain("Webinarium o obligacjach komunalnych");
    expect((await feed("/wydarzenia/atom.xml")).xml).toContain("Webinarium o obligacjach komunalnych");
    const unknown = await feed("/wydarzenia/atom.xml?obszar=nie-ma-takiego");
    expect(unknown.status).toBe(404);
    expect((await feed("/biblioteka/atom.xml?obszar=%3Cscript%3E")).status).toBe(404);
  });

  it("announces the feeds in the heads of the library and events pages, with the area a list is filtered by", async () => {
    const library = await anonymous().html("/biblioteka");
    expect(library.html).toMatch(/<link rel="alternate" type="application\/atom\+xml" title="Biblioteka Forum Rozwoju Lokalnego \(Atom\)" href="\/biblioteka\/atom.xml"\/>/);
    const events = await anonymous().html("/wydarzenia?area=finanse");
    expect(events.html).toContain('href="/wydarzenia/atom.xml"');
    expect(events.html).toContain('href="/wydarzenia/atom.xml?obszar=finanse"');
  });
});

// Issue 14: the network pages as people use them, on SQLite and PostgreSQL: /sieci lists networks with a map,
// /sieci/<slug> shows members, meetings and (to members only) agreements and discussion; members post and record
// agreements, others get 403 (anonymous: to the login page); event, city and area pages link the networks.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialects } from "../setup/dialects.js";
import { signedIn, type TestClient } from "../setup/http-client.js";
import { startTestServer, type TestServer } from "../setup/test-server.js";

const NET = "/sieci/zmiany-demograficzne";

describe.each(await dialects())("network pages (%s)", (dialect) => {
  let app: TestServer;
  let anonymous: TestClient;
  let member: TestClient;
  let kalisz: TestClient;
  beforeAll(async () => {
    app = await startTestServer({ dialect });
    anonymous = await signedIn(app.url, null);
    member = await signedIn(app.url, "member");
    kalisz = await signedIn(app.url, null);
    await kalisz.login("kalisz@frl.test");
    for (const c of [anonymous, member, kalisz]) await c.get("/sieci");
  });
  afterAll(async () => app?.stop());

  it("/sieci lists the networks with areas, leader, members, next meeting and a map of Poland with a list beside it", async () => {
    const { status, html } = await anonymous.html("/sieci");
    expect(status).toBe(200);
    for (const name of ["Zmiany demograficzne", "Lokalna energia", "Mieszkalnictwo komunalne"]) expect(html).toContain(name);
    expect(html).toContain('href="/sieci/lokalna-energia"');
    expect(html).toContain('href="/obszary/demografia"');
    expect(html).toMatch(/<svg[^>]*role="img"/);
    expect((html.match(/<circle /g) ?? []).length).toBeGreaterThan(15);
    expect(html).toContain('href="/miasta/dzierzoniow"');
    expect(html).toContain("Najbliższe spotkanie");
  });

  it("the public sees members, people and meetings but neither agreements nor discussion", async () => {
    const { status, html } = await anonymous.html(NET);
    expect(status).toBe(200);
    expect(html).toContain('href="/miasta/walbrzych"');
    expect(html).toContain("Gorlice"); // a former member, kept in the history
    expect(html).toContain("Tomasz Ekspert");
    expect(html).toMatch(/href="\/wydarzenia\/zmiany-demograficzne-spotkanie-2027-/);
    expect(html).not.toContain("Zebrać dane o migracjach");
    expect(html).not.toContain("Co omówić na najbliższym spotkaniu?");
    expect((await anonymous.html("/sieci/nie-ma-takiej")).status).toBe(404);
  });

  it("a member city's representative posts in the discussion, replies and records an agreement; others cannot", async () => {
    let res = await member.post(NET, { intent: "thread", title: "Dane z GUS", body: "Kto ma już dane za 2026?" });
    expect(res.status).toBe(200);
    let html = (await member.html(NET)).html;
    expect(html).toContain("Zebrać dane o migracjach");
    expect(html).toContain("Dane z GUS");
    const threadId = /name="threadId" value="(\d+)"/.exec(html.slice(html.indexOf("Dane z GUS")))![1];
    res = await member.post(NET, { intent: "reply", threadId, body: "Wałbrzych ma, prześle w piątek." });
    expect(res.status).toBe(200);
    res = await member.post(NET, { intent: "agreement", title: "Dzierżoniów zbierze dane z GUS", ownerCityId: "", eventId: "", dueOn: "2027-04-30" });
    expect(res.status).toBe(200);
    html = (await member.html(NET)).html;
    expect(html).toContain("Wałbrzych ma, prześle w piątek.");
    expect(html).toContain("Dzierżoniów zbierze dane z GUS");

    expect((await kalisz.post(NET, { intent: "thread", title: "Nie wolno", body: "Kalisz nie jest w tej sieci" })).status).toBe(403);
    const anon = await anonymous.post(NET, { intent: "thread", title: "Nie wolno", body: "Anonim" });
    expect(anon.status).toBe(302);
    expect(anon.headers.get("location")).toMatch(/^\/login\?next=/);
    // Invalid input: a Polish message, nothing stored.
    res = await member.post(NET, { intent: "agreement", title: "x", dueOn: "jutro" });
    expect(res.status).toBe(400);
    expect(await res.text()).not.toMatch(/at .*\.ts/);
  });

  it("a meeting page links its network; a city's page lists its networks; an area page gathers events, library and networks", async () => {
    const meeting = /href="(\/wydarzenia\/zmiany-demograficzne-spotkanie-[^"]+)"/.exec((await anonymous.html(NET)).html)![1];
    expect((await anonymous.html(meeting)).html).toContain(`href="${NET}"`);
    expect((await anonymous.html("/miasta/kalisz")).html).toContain('href="/sieci/lokalna-energia"');
    const area = await anonymous.html("/obszary/demografia");
    expect(area.status).toBe(200);
    expect(area.html).toContain(`href="${NET}"`);
    expect(area.html).toContain('href="/wydarzenia/');
    expect(area.html).toContain('href="/biblioteka/');
    expect((await anonymous.html("/obszary/nie-ma")).status).toBe(404);
  });
});

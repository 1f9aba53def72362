// The agenda's HTTP side: publish through the form, the public page, print, Markdown, history and state routes.
import * as Y from "yjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agendaRoots, createSessionMap } from "../../domain/agenda-doc.js";
import { signedIn, TestClient } from "../setup/http-client.js";
import { startTestServer, type TestServer } from "../setup/test-server.js";
import { connectAgenda, cookieOf, eventually } from "./agenda-clients.js";
import { createAgendaEvent } from "./agenda-fixtures.js";

let app: TestServer;
beforeAll(async () => {
  app = await startTestServer();
});
afterAll(async () => app?.stop());

describe("agenda pages and actions", () => {
  it("publishes through the form for moderators only and shows the programme everywhere it should", async () => {
    const eventId = await createAgendaEvent(app.services.db);
    const slug = (await app.services.events.byId(eventId))!.slug;
    const editor = connectAgenda(app.url, `agenda:${eventId}`, await cookieOf(app.url, "moderator"));
    await editor.synced;
    agendaRoots(editor.doc).sessions.push([createSessionMap({ id: "h1", title: "Budżet obywatelski", start: "09:00", end: "10:00", kind: "workshop", description: "Jak liczyć głosy" })]);
    await eventually(async () => (await app.services.agenda.current(eventId)).sessions.length === 1, "stored");

    const anonymous = new TestClient(app.url);
    const member = await signedIn(app.url, "member");
    const moderator = await signedIn(app.url, "moderator");

    // Nothing published yet: the public Markdown is 404, the draft is there for co-designers only.
    expect((await anonymous.get(`/wydarzenia/${slug}/program.md`)).status).toBe(404);
    expect((await anonymous.get(`/wydarzenia/${slug}/program.md?szkic=1`)).status).toBe(404);
    const draft = await member.get(`/wydarzenia/${slug}/program.md?szkic=1`);
    expect(draft.status).toBe(200);
    expect(draft.headers.get("content-type")).toContain("text/markdown");
    expect(await draft.text()).toContain("## 09:00–10:00 · Budżet obywatelski (Warsztat)");

    // Publishing: members are refused, a missing CSRF token is refused, moderators publish.
    await member.get(`/wydarzenia/${slug}/program`);
    expect((await member.post(`/wydarzenia/${slug}/program`, { intent: "publish" })).status).toBe(403);
    await moderator.get(`/wydarzenia/${slug}/program`);
    expect((await moderator.post(`/wydarzenia/${slug}/program`, { intent: "publish" }, { csrf: "zly-token" })).status).toBe(403);
    expect(await app.services.agenda.published(eventId)).toBeNull();
    const ok = await moderator.post(`/wydarzenia/${slug}/program`, { intent: "publish" });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain("Opublikowano wersję 1.");

    const page = await anonymous.html(`/wydarzenia/${slug}`);
    expect(page.html).toContain("Budżet obywatelski");
    expect(page.html).toContain("Jak liczyć głosy");
    expect((await anonymous.html(`/wydarzenia/${slug}/program/druk`)).html).toContain("Budżet obywatelski");
    expect(await (await anonymous.get(`/wydarzenia/${slug}/program.md`)).text()).toContain("Budżet obywatelski");

    // History: co-designers see it; the raw state for restore is for moderators.
    expect((await anonymous.get(`/wydarzenia/${slug}/program/wersje`)).status).toBe(302);
    const history = await member.html(`/wydarzenia/${slug}/program/wersje?podglad=v1`);
    expect(history.status).toBe(200);
    expect(history.html).toContain("Wersja 1");
    expect(history.html).toContain("Jak liczyć głosy");
    expect((await member.get(`/wydarzenia/${slug}/program/stan/v1`)).status).toBe(403);
    const state = await moderator.get(`/wydarzenia/${slug}/program/stan/v1`);
    expect(state.status).toBe(200);
    const restored = new Y.Doc();
    Y.applyUpdate(restored, new Uint8Array(await state.arrayBuffer()));
    expect(agendaRoots(restored).sessions.get(0).get("title")).toBe("Budżet obywatelski");
    expect((await moderator.get(`/wydarzenia/${slug}/program/stan/v99`)).status).toBe(404);
    editor.destroy();
  });

  it("moderators change who co-designs; the change applies to the next connection", async () => {
    const eventId = await createAgendaEvent(app.services.db);
    const slug = (await app.services.events.byId(eventId))!.slug;
    const moderator = await signedIn(app.url, "moderator");
    const member = await signedIn(app.url, "member");
    const kaliszId = (await app.services.db.db.selectFrom("cities").select("id").where("slug", "=", "kalisz").executeTakeFirstOrThrow()).id;
    await member.get(`/wydarzenia/${slug}/program`);
    expect((await member.post(`/wydarzenia/${slug}/program`, { intent: "settings", mode: "cities", cityIds: [String(kaliszId)], open: "1", dotsBudget: "3" })).status).toBe(403);
    await moderator.get(`/wydarzenia/${slug}/program`);
    expect((await moderator.post(`/wydarzenia/${slug}/program`, { intent: "settings", mode: "cities", cityIds: [String(kaliszId)], open: "1", dotsBudget: "0" })).status).toBe(400);
    expect((await moderator.post(`/wydarzenia/${slug}/program`, { intent: "settings", mode: "cities", cityIds: [String(kaliszId)], open: "1", dotsBudget: "3" })).status).toBe(200);
    expect(await app.services.agenda.settings(eventId)).toEqual({ eventId, mode: "cities", cityIds: [kaliszId], open: true, dotsBudget: 3 });
    const refused = connectAgenda(app.url, `agenda:${eventId}`, member.cookieHeader());
    expect(await refused.closed).toBe(4403);
    refused.destroy();
    // The member's page now shows the published programme only (no workspace).
    const page = await member.html(`/wydarzenia/${slug}/program`);
    expect(page.html).not.toContain("Opublikuj program");
    expect(page.html).toContain("Program nie został jeszcze opublikowany.");
    // The dots budget reaches the document for everyone's UI.
    const reader = connectAgenda(app.url, `agenda:${eventId}`, moderator.cookieHeader());
    await reader.synced;
    expect(agendaRoots(reader.doc).meta.get("dotsBudget")).toBe(3);
    reader.destroy();
  });

  it("gives the workspace titles of linked library items: published ones only, and 400 for bad numbers", async () => {
    const eventId = await createAgendaEvent(app.services.db);
    const slug = (await app.services.events.byId(eventId))!.slug;
    const { db } = app.services.db;
    const [one, two] = await db.selectFrom("libraryItems").select(["id", "title"]).where("status", "=", "published").orderBy("id").limit(2).execute();
    await db.updateTable("libraryItems").set({ status: "draft" }).where("id", "=", two.id).execute();
    try {
      const anonymous = new TestClient(app.url);
      const res = await anonymous.get(`/wydarzenia/${slug}/program/materialy?ids=${two.id},${one.id},999999`);
      expect(res.status).toBe(200);
      expect((await res.json()).items).toEqual([{ id: one.id, title: one.title, slug: expect.any(String), kind: expect.any(String) }]);
      for (const bad of ["", "abc", "0", Array.from({ length: 51 }, (_, i) => i + 1).join(",")]) {
        const r = await anonymous.get(`/wydarzenia/${slug}/program/materialy?ids=${bad}`);
        expect(r.status).toBe(400);
        expect((await r.json()).message).toMatch(/od 1 do 50/);
      }
      expect((await anonymous.get(`/wydarzenia/nie-ma-takiego/program/materialy?ids=1`)).status).toBe(404);
    } finally {
      await db.updateTable("libraryItems").set({ status: "published" }).where("id", "=", two.id).execute();
    }
  });
});

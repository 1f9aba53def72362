import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agendaRoots, createSessionMap } from "../../domain/agenda-doc.js";
import { findUserByEmail } from "../../db/repositories/users.js";
import { TestClient } from "../setup/http-client.js";
import { startTestServer, type TestServer } from "../setup/test-server.js";
import { connectAgenda, cookieOf, eventually } from "./agenda-clients.js";
import { createAgendaEvent } from "./agenda-fixtures.js";

let app: TestServer;
beforeAll(async () => {
  app = await startTestServer();
});
afterAll(async () => app?.stop());

describe("a published programme in federated search", () => {
  it("finds the event by words that appear only in its published programme", async () => {
    const eventId = await createAgendaEvent(app.services.db);
    const event = (await app.services.events.byId(eventId))!;
    const search = async () => (await new TestClient(app.url).html(`/szukaj?q=${encodeURIComponent("geotermia Koło")}`)).html;

    const editor = connectAgenda(app.url, `agenda:${eventId}`, await cookieOf(app.url, "moderator"));
    await editor.synced;
    agendaRoots(editor.doc).sessions.push([createSessionMap({ id: "g1", title: "Geotermia w Kole: ciepło z głębi", start: "10:00", end: "11:00", kind: "keynote", description: "Studium przypadku" })]);
    await eventually(async () => (await app.services.agenda.current(eventId)).sessions.length === 1, "server has the session");
    editor.destroy();

    await app.services.search.indexer.waitUntilEmpty();
    expect(await search()).not.toContain(`href="/wydarzenia/${event.slug}"`); // drafts are not searchable

    const moderator = (await findUserByEmail(app.services.db.db, "moderator@frl.test"))!;
    await app.services.agenda.publish({ id: moderator.id, role: "moderator", cityId: null }, eventId);
    await app.services.search.indexer.waitUntilEmpty();
    expect(await search()).toContain(`href="/wydarzenia/${event.slug}"`);
  });

  it("links the library items a session names, published ones only, on the public programme", async () => {
    const eventId = await createAgendaEvent(app.services.db);
    const event = (await app.services.events.byId(eventId))!;
    const items = await app.services.db.db.selectFrom("libraryItems").select(["id", "slug", "title", "status"]).where("status", "=", "published").limit(2).execute();
    const editor = connectAgenda(app.url, `agenda:${eventId}`, await cookieOf(app.url, "moderator"));
    await editor.synced;
    agendaRoots(editor.doc).sessions.push([createSessionMap({ id: "l1", title: "Dobre praktyki", start: "12:00", end: "13:00", kind: "panel", libraryItemIds: [items[0].id, 999999] })]);
    await eventually(async () => (await app.services.agenda.current(eventId)).sessions.length === 1, "server has the session");
    editor.destroy();
    const moderator = (await findUserByEmail(app.services.db.db, "moderator@frl.test"))!;
    await app.services.agenda.publish({ id: moderator.id, role: "moderator", cityId: null }, eventId);
    const page = await new TestClient(app.url).html(`/wydarzenia/${event.slug}`);
    expect(page.html).toContain(`<a href="/biblioteka/${items[0].slug}">`);
    expect(page.html).toContain("Materiały z biblioteki:");
  });
});

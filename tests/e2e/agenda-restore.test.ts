// A restore link opened in the browser must not revert the live programme by itself: the moderator sees a question,
// and the document changes only after they press the button.
import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { agendaRoots, createSessionMap } from "../../domain/agenda-doc.js";
import { DEMO_PASSWORD } from "../../db/seed-data/accounts.js";
import { connectAgenda, cookieOf, eventually } from "../integration/agenda-clients.js";
import { createAgendaEvent } from "../integration/agenda-fixtures.js";
import { signedIn } from "../setup/http-client.js";
import { browserLogin, seriousAxeViolations } from "./browser.js";
import { app, browser, startAppAndBrowser } from "./suite.js";

startAppAndBrowser();

const titleOf = (doc: Y.Doc) => agendaRoots(doc).sessions.toArray()[0]?.get("title");

describe("restoring a programme version in the workspace", () => {
  it("asks before replacing the live document, and replaces it once confirmed", async () => {
    const eventId = await createAgendaEvent(app.services.db);
    const slug = (await app.services.events.byId(eventId))!.slug;
    const editor = connectAgenda(app.url, `agenda:${eventId}`, await cookieOf(app.url, "member"));
    await editor.synced;
    agendaRoots(editor.doc).sessions.push([createSessionMap({ id: "s1", title: "Stary program", start: "09:00", end: "10:00" })]);
    await eventually(async () => (await app.services.agenda.current(eventId)).sessions[0]?.title === "Stary program", "stored");
    const moderator = await signedIn(app.url, "moderator");
    await moderator.get(`/wydarzenia/${slug}/program`);
    expect((await moderator.post(`/wydarzenia/${slug}/program`, { intent: "publish" })).status).toBe(200);
    agendaRoots(editor.doc).sessions.get(0).set("title", "Nowy program");
    await eventually(async () => (await app.services.agenda.current(eventId)).sessions[0]?.title === "Nowy program", "edited");

    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await browserLogin(page, app.url, "moderator@frl.test", DEMO_PASSWORD);
    await page.goto(`${app.url}/wydarzenia/${slug}/program?przywroc=v1`);
    await page.getByTestId("agenda-sync-status").filter({ hasText: "Zsynchronizowano" }).waitFor({ timeout: 20_000 });
    // Before the fix the workspace restored on load: the live title went back here, unasked.
    await page.waitForTimeout(1500);
    expect(titleOf(editor.doc)).toBe("Nowy program");
    await page.getByRole("heading", { name: "Przywrócić wersję 1?" }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByRole("button", { name: "Przywróć wersję 1" }).click();
    await eventually(() => titleOf(editor.doc) === "Stary program", "the confirmed restore reaches everyone", 15_000);
    await page.getByText("Przywrócono wersję.").first().waitFor();
    expect(await page.getByRole("heading", { name: "Przywrócić wersję 1?" }).count()).toBe(0);
    editor.destroy();
  });
});

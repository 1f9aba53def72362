// Restoring an old programme replaces the live document for everyone. A link (from another site, a mail, a chat)
// must not do it by being opened: `?przywroc=v1` only asks, and the restore starts from a form the moderator submits.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signedIn } from "../setup/http-client.js";
import { startTestServer, type TestServer } from "../setup/test-server.js";
import { createAgendaEvent } from "./agenda-fixtures.js";

let app: TestServer;
beforeAll(async () => {
  app = await startTestServer();
});
afterAll(async () => app?.stop());

describe("restoring a programme version", () => {
  it("asks first: opening the link shows a confirmation form, and only its submission hands the version to the workspace", async () => {
    const eventId = await createAgendaEvent(app.services.db);
    const slug = (await app.services.events.byId(eventId))!.slug;
    const moderator = await signedIn(app.url, "moderator");
    await moderator.get(`/wydarzenia/${slug}/program`);
    expect((await moderator.post(`/wydarzenia/${slug}/program`, { intent: "publish" })).status).toBe(200);
    const stateUrl = `/wydarzenia/${slug}/program/stan/v1`;

    // Opening the link: nothing in the page tells the workspace to restore; a form asks.
    const page = await moderator.html(`/wydarzenia/${slug}/program?przywroc=v1`);
    expect(page.status).toBe(200);
    expect(page.html).not.toContain(stateUrl);
    expect(page.html).toMatch(/<form[^>]*method="post"[^>]*>[\s\S]*name="intent" value="restore"[\s\S]*<\/form>/);
    expect(page.html).toContain('name="ref" value="v1"');
    expect(page.html).toContain("Przywrócić wersję 1?");

    // Without the page's CSRF token (a form on another site) nothing happens.
    const forged = await moderator.post(`/wydarzenia/${slug}/program?przywroc=v1`, { intent: "restore", ref: "v1" }, { csrf: false });
    expect(forged.status).toBe(403);
    expect(await forged.text()).not.toContain(stateUrl);

    // A member cannot restore; a bad reference is a 400 in Polish.
    const member = await signedIn(app.url, "member");
    await member.get(`/wydarzenia/${slug}/program`);
    expect((await member.post(`/wydarzenia/${slug}/program`, { intent: "restore", ref: "v1" })).status).toBe(403);
    const bad = await moderator.post(`/wydarzenia/${slug}/program`, { intent: "restore", ref: "v1; drop" });
    expect(bad.status).toBe(400);

    // The moderator confirms: now the workspace is told where the version is.
    const confirmed = await moderator.post(`/wydarzenia/${slug}/program?przywroc=v1`, { intent: "restore", ref: "v1" });
    expect(confirmed.status).toBe(200);
    const html = await confirmed.text();
    expect(html).toContain(stateUrl);
    expect(html).not.toContain("Przywrócić wersję 1?");
  });
});

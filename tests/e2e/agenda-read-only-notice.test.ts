// Issue 10: a co-design workspace open in the browser when the moderator closes co-design turns read-only and says
// so ("Edycja zamknięta — tylko podgląd"), instead of taking edits the server drops; reopening makes it editable again.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../db/seed-data/accounts.js";
import { t } from "../../domain/i18n/index.js";
import { createAgendaEvent } from "../integration/agenda-fixtures.js";
import { signedIn } from "../setup/http-client.js";
import { browserLogin, seriousAxeViolations } from "./browser.js";
import { app, browser, startAppAndBrowser } from "./suite.js";


startAppAndBrowser();

/** Saves co-design settings through the workspace's settings form, as the moderator would in another browser. */
async function setOpen(slug: string, open: boolean): Promise<void> {
  const mod = await signedIn(app.url, "moderator");
  await mod.get(`/wydarzenia/${slug}/program`);
  const res = await mod.post(`/wydarzenia/${slug}/program`, { intent: "settings", mode: "all", dotsBudget: "5", ...(open ? { open: "1" } : {}) });
  expect(res.status).toBe(200);
}

async function openWorkspace(slug: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.on("pageerror", (e) => console.error("pageerror", e.message));
  await browserLogin(page, app.url, "member@frl.test", DEMO_PASSWORD);
  await page.goto(`${app.url}/wydarzenia/${slug}/program`);
  await page.getByTestId("agenda-sync-status").filter({ hasText: "Zsynchronizowano" }).waitFor({ timeout: 20_000 });
  return page;
}

describe("an open workspace follows co-design closing and reopening", () => {
  it("shows 'Edycja zamknięta — tylko podgląd' and stops editing when co-design closes; edits again after it reopens", async () => {
    const eventId = await createAgendaEvent(app.services.db);
    const slug = (await app.services.events.byId(eventId))!.slug;
    const page = await openWorkspace(slug);
    await page.getByRole("button", { name: "Dodaj blok" }).click();
    await page.getByLabel("Tytuł", { exact: true }).fill("Blok przed zamknięciem");

    await setOpen(slug, false);
    const notice = page.getByTestId("agenda-access-notice");
    await notice.waitFor({ timeout: 10_000 });
    expect(await notice.textContent()).toBe(t.agenda.status.editingClosed);
    // The notice sits in the status line, which screen readers hear (role=status).
    expect(await page.locator('[role="status"]', { has: notice }).count()).toBe(1);
    await page.getByRole("button", { name: "Dodaj blok" }).waitFor({ state: "detached" });
    expect(await page.getByLabel("Tytuł", { exact: true }).getAttribute("readonly")).not.toBeNull();
    expect(await page.getByRole("textbox", { name: "Opis: Blok przed zamknięciem" }).getAttribute("aria-readonly")).toBe("true");
    expect(await page.getByRole("textbox", { name: "Opis: Blok przed zamknięciem" }).getAttribute("contenteditable")).toBe("false");
    expect(await seriousAxeViolations(page)).toEqual([]);

    await setOpen(slug, true);
    await notice.waitFor({ state: "detached", timeout: 10_000 });
    await page.getByText(t.agenda.status.editingReopened).first().waitFor();
    await page.getByRole("button", { name: "Dodaj blok" }).waitFor();
    expect(await page.getByLabel("Tytuł", { exact: true }).getAttribute("readonly")).toBeNull();
  });
});

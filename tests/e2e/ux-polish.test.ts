import { mkdirSync } from "node:fs";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { saveAgendaSettings } from "../../db/repositories/agenda.js";
import { DEMO_PASSWORD } from "../../db/seed-data/accounts.js";
import { createAgendaEvent } from "../integration/agenda-fixtures.js";
import { createLiveEvent } from "../integration/live-support.js";
import { browserLogin, seriousAxeViolations } from "./browser.js";
import { app, browser, startAppAndBrowser } from "./suite.js";

// What people stumbled on in a real browser (issue 11), checked on a phone and a desktop.
const shots = ".tmp/ux-e2e";
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

startAppAndBrowser({ searchIndexed: true });
beforeAll(() => {
  mkdirSync(shots, { recursive: true });
});

async function open(email: string | null, path: string, viewport = DESKTOP): Promise<Page> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  page.on("pageerror", (e) => console.error(`[${email}] pageerror`, e.message));
  if (email) await browserLogin(page, app.url, email, DEMO_PASSWORD);
  await page.goto(`${app.url}${path}`);
  return page;
}

const isFocused = (page: Page, selector: string) => page.locator(selector).evaluate((el) => el === document.activeElement);

describe("library on a phone", () => {
  it("folds the facets under a 'Filtry' button above the results, offers a skip link, and leads back to the same search", async () => {
    const page = await open(null, "/biblioteka?q=rewitalizacja", PHONE);
    await page.locator("#results-heading", { hasText: "Wyniki dla" }).waitFor();
    const toggle = page.getByRole("button", { name: /^Filtry/ });
    // Without JavaScript the filters stay open; once the page is hydrated they fold (poll: hydration takes a moment).
    await expect.poll(() => toggle.getAttribute("aria-expanded"), { timeout: 10_000 }).toBe("false");
    await expect(page.locator("#library-aside").isVisible()).resolves.toBe(false);
    // Seen above the results, and first in the reading order too.
    const [buttonBox, resultsBox] = await Promise.all([toggle.boundingBox(), page.locator("#results-heading").boundingBox()]);
    expect(buttonBox!.y).toBeLessThan(resultsBox!.y);
    const order = await page.evaluate(() => {
      const b = document.querySelector(".filters-toggle")!;
      const r = document.querySelector("#results-heading")!;
      return Boolean(b.compareDocumentPosition(r) & Node.DOCUMENT_POSITION_FOLLOWING);
    });
    expect(order).toBe(true);
    await page.screenshot({ path: `${shots}/library-phone-closed.png`, fullPage: true });
    expect(await seriousAxeViolations(page)).toEqual([]);

    // The skip link appears on focus and leads to the results.
    const skip = page.getByRole("link", { name: "Przejdź do wyników" });
    await skip.focus();
    await expect(skip.isVisible()).resolves.toBe(true);
    // The next stop in the keyboard order is the button, as on screen.
    await page.keyboard.press("Tab");
    await expect(isFocused(page, ".filters-toggle")).resolves.toBe(true);

    await page.keyboard.press("Enter");
    await expect(toggle.getAttribute("aria-expanded")).resolves.toBe("true");
    await page.getByRole("checkbox", { name: /Dobra praktyka/ }).check();
    await page.waitForURL((u) => u.searchParams.getAll("kind").includes("good_practice"));
    await page.screenshot({ path: `${shots}/library-phone-open.png`, fullPage: true });
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.locator(".library-hits li").first().getByRole("link").first().click();
    await page.waitForURL(/\/biblioteka\/[^?]+$/);
    const back = page.getByRole("link", { name: /Wróć do biblioteki/ });
    await expect.poll(() => back.getAttribute("href")).toContain("kind=good_practice");
    const crumbTop = await back.boundingBox();
    const headerBottom = await page.locator(".site-header").boundingBox();
    expect(crumbTop!.y - (headerBottom!.y + headerBottom!.height)).toBeGreaterThanOrEqual(12);
    await page.screenshot({ path: `${shots}/library-item-phone.png` });
    await back.click();
    await page.waitForURL((u) => u.pathname === "/biblioteka" && u.searchParams.get("q") === "rewitalizacja" && u.searchParams.getAll("kind").includes("good_practice"));
  });
});

describe("events", () => {
  it("marks a live room and a co-designed programme in the list and on the event page; saving an event confirms it", async () => {
    const live = await createLiveEvent(app, { joinUrl: "https://127.0.0.1:9/stream" });
    const coId = await createAgendaEvent(app.services.db, 3);
    await saveAgendaSettings(app.services.db.db, { eventId: coId, mode: "all", cityIds: [], open: true, dotsBudget: 5 }, null);
    const page = await open(null, "/wydarzenia", PHONE);
    await page.locator(".card", { hasText: "Webinarium testowe" }).getByText("Na żywo teraz").first().waitFor();
    await page.getByText("Program współtworzony").first().waitFor();
    await page.screenshot({ path: `${shots}/events-phone.png`, fullPage: true });
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.goto(`${app.url}/wydarzenia/${live.slug}`);
    await page.getByRole("link", { name: "Wejdź do pokoju na żywo" }).waitFor();
    await page.screenshot({ path: `${shots}/event-live-phone.png` });
    expect(await seriousAxeViolations(page)).toEqual([]);

    const coSlug = (await app.services.events.byId(coId))!.slug;
    const mod = await open("moderator@frl.test", `/wydarzenia/${coSlug}/edycja`);
    await mod.getByRole("button", { name: "Zapisz wydarzenie" }).click();
    await mod.waitForURL((u) => u.pathname === `/wydarzenia/${coSlug}`);
    await mod.getByRole("status").filter({ hasText: "Zapisano zmiany." }).waitFor();
    expect(await seriousAxeViolations(mod)).toEqual([]);
  });
});

describe("live room", () => {
  it("'Odpowiedz' moves focus to the reply box, own questions take no vote, typing clears on send, the stream has a text fallback", async () => {
    const ev = await createLiveEvent(app, { joinUrl: "https://127.0.0.1:9/stream" });
    const path = `/wydarzenia/${ev.slug}/na-zywo`;
    const asker = await open("member@frl.test", path);
    const other = await open("kalisz@frl.test", path);
    for (const p of [asker, other]) await p.getByText("Połączono").first().waitFor({ timeout: 20_000 });

    await asker.getByLabel("Twoje pytanie").fill("Czy nagranie będzie dostępne?");
    await asker.getByRole("button", { name: "Zadaj pytanie" }).click();
    const question = (p: Page) => p.locator("article.live-msg", { hasText: "Czy nagranie będzie dostępne?" });
    await question(asker).waitFor();
    await question(other).waitFor();
    await expect(question(asker).getByRole("button", { name: /Głosuj/ }).count()).resolves.toBe(0);
    await question(other).getByRole("button", { name: /Głosuj/ }).waitFor();

    await question(other).getByRole("button", { name: "Odpowiedz" }).click();
    const replyBox = other.getByLabel(/Odpowiedź dla: Maria Członkini/);
    await replyBox.waitFor();
    await expect(replyBox.evaluate((el) => el === document.activeElement)).resolves.toBe(true);

    await other.keyboard.type("Tak, w bibliotece");
    await asker.getByText("Karol Kaliski pisze…").or(asker.locator(".live-typing", { hasText: "pisze…" })).first().waitFor();
    await other.keyboard.press("Enter");
    await asker.locator("article.live-msg", { hasText: "Tak, w bibliotece" }).waitFor();
    // Cleared with the message, not seconds later by the fade-out timer.
    await expect.poll(() => asker.locator(".live-typing").innerText(), { timeout: 1500 }).not.toContain("pisze…");

    // The stream frame cannot be reached: the link is there as text to follow (staff see the stream unregistered).
    const mod = await open("moderator@frl.test", path);
    const fallback = mod.locator(".live-stream-fallback");
    await fallback.getByRole("link", { name: "Otwórz transmisję w nowej karcie" }).waitFor();
    await expect(fallback.innerText()).resolves.toMatch(/Nie widzisz obrazu|Nie udało się wczytać/);
    await mod.screenshot({ path: `${shots}/live-desktop.png`, fullPage: true });
    await other.screenshot({ path: `${shots}/live-reply.png`, fullPage: true });
    expect(await seriousAxeViolations(asker)).toEqual([]);
    expect(await seriousAxeViolations(mod)).toEqual([]);
  });

  it("a closed room does not invite a question", async () => {
    const ev = await createLiveEvent(app);
    const path = `/wydarzenia/${ev.slug}/na-zywo`;
    const mod = await open("moderator@frl.test", path);
    await mod.getByText("Połączono").first().waitFor({ timeout: 20_000 });
    await mod.getByRole("button", { name: "Zamknij pokój" }).click();
    await mod.getByText("Moderator zamknął pokój").waitFor();
    const guest = await open(null, path, PHONE);
    await guest.getByText("Moderator zamknął pokój").waitFor({ timeout: 20_000 });
    await guest.getByText("Nikt nie zadał pytania.").waitFor();
    expect(await guest.getByText("Zadaj pierwsze pytanie").count()).toBe(0);
    expect(await guest.getByText("Zaloguj się, aby pisać i głosować.").count()).toBe(0);
    await guest.screenshot({ path: `${shots}/live-closed-phone.png`, fullPage: true });
    expect(await seriousAxeViolations(guest)).toEqual([]);
  });
});

describe("agenda workspace", () => {
  it("gives titles a full row, confirms a deleted block with an undo button, shows cities only when they matter, prints date and venue", async () => {
    const eventId = await createAgendaEvent(app.services.db);
    const slug = (await app.services.events.byId(eventId))!.slug;
    const page = await open("moderator@frl.test", `/wydarzenia/${slug}/program`);
    await page.getByTestId("agenda-sync-status").filter({ hasText: "Zsynchronizowano" }).waitFor({ timeout: 20_000 });
    await page.getByRole("button", { name: "Dodaj blok" }).click();
    const title = page.getByLabel("Tytuł", { exact: true });
    await title.fill("Panel: finansowanie rewitalizacji śródmieść w miastach średnich");
    const [titleBox, fieldsBox] = await Promise.all([title.boundingBox(), page.locator(".agenda-session-fields").first().boundingBox()]);
    expect(titleBox!.width).toBeGreaterThan(fieldsBox!.width * 0.9);
    await page.screenshot({ path: `${shots}/agenda-desktop.png`, fullPage: true });

    await page.getByRole("button", { name: /^Usuń.*Panel: finansowanie/ }).click();
    const undo = page.getByRole("button", { name: "Przywróć usunięty blok" });
    await page.getByRole("status").filter({ hasText: "Usunięto blok „Panel: finansowanie" }).waitFor();
    await expect(undo.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await undo.click();
    await expect.poll(() => page.getByLabel("Tytuł", { exact: true }).inputValue()).toContain("Panel: finansowanie");

    const cities = page.getByLabel("Miasta", { exact: true });
    await expect(cities.isVisible()).resolves.toBe(false);
    await page.getByLabel("członkowie wybranych miast").check();
    await expect(cities.isVisible()).resolves.toBe(true);
    await page.getByLabel("wszyscy zalogowani członkowie").check();
    await expect(cities.isVisible()).resolves.toBe(false);

    await page.goto(`${app.url}/wydarzenia/${slug}/program/druk?szkic=1`);
    const facts = page.locator(".agenda-print-facts");
    await expect(facts.innerText()).resolves.toContain("Poznań");
    await expect(facts.innerText()).resolves.toMatch(/\d{1,2} [a-ząćęłńóśźż]+ 20\d\d/);
    await page.screenshot({ path: `${shots}/agenda-print.png`, fullPage: true });
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});

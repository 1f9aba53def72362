import { mkdirSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../db/seed-data/accounts.js";
import { browserLogin, seriousAxeViolations } from "./browser.js";
import { app, browser, startAppAndBrowser } from "./suite.js";

const shots = ".tmp/library-e2e";

startAppAndBrowser({ searchIndexed: true });
beforeAll(() => {
  mkdirSync(shots, { recursive: true });
});

describe("library search in a real browser", () => {
  it("types a query without Polish letters, ticks a facet, opens the top hit; both pages pass axe", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${app.url}/biblioteka`);
    expect(await seriousAxeViolations(page)).toEqual([]);

    // Search as you type: no submit button is pressed; the URL follows the query.
    await page.locator("#q").pressSequentially("rewitalizacja srodmiescia dzierzoniowa", { delay: 20 });
    await page.waitForURL((u) => u.searchParams.get("q") === "rewitalizacja srodmiescia dzierzoniowa");
    await page.locator("#results-heading", { hasText: "Wyniki dla" }).waitFor();

    await page.getByRole("checkbox", { name: /Dobra praktyka/ }).check();
    await page.waitForURL((u) => u.searchParams.getAll("kind").includes("good_practice"));
    await page.getByRole("link", { name: "Usuń filtr: Dobra praktyka" }).waitFor();
    await page.screenshot({ path: `${shots}/biblioteka.png`, fullPage: true });
    expect(await seriousAxeViolations(page)).toEqual([]);

    const top = page.locator(".library-hits li").first().getByRole("link").first();
    expect(await top.innerText()).toContain("Rewitalizacja śródmieścia Dzierżoniowa");
    await top.click();
    await page.waitForURL(/\/biblioteka\/rewitalizacja-srodmiescia-dzierzoniowa/);
    // The URL changes when client navigation starts; wait for the new page's heading, not the old one.
    await page.getByRole("heading", { level: 1, name: /Rewitalizacja śródmieścia Dzierżoniowa/ }).waitFor();
    await page.getByRole("link", { name: "Dzierżoniów" }).first().waitFor();
    await page.screenshot({ path: `${shots}/pozycja.png`, fullPage: true });
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("is usable on a phone-sized screen", async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${app.url}/biblioteka?q=budzet+obywatelski`);
    await page.screenshot({ path: `${shots}/biblioteka-mobile.png` });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it("the editor pages (new item, edit with revisions and attachments) pass axe", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await browserLogin(page, app.url, "moderator@frl.test", DEMO_PASSWORD);
    await page.goto(`${app.url}/biblioteka/nowa`);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByLabel("Tytuł", { exact: false }).first().fill("Pozycja z przeglądarki");
    await page.getByRole("button", { name: "Dodaj pozycję" }).click();
    await page.waitForURL(/\/biblioteka\/pozycja-z-przegladarki\/edycja/);
    await page.getByRole("status").filter({ hasText: "Zapisano" }).waitFor();
    await page.screenshot({ path: `${shots}/edycja.png`, fullPage: true });
    expect(await seriousAxeViolations(page)).toEqual([]);
    await context.close();
  });

  it("federated search, a city's good practices and an event's materials pass axe", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    for (const [path, text] of [
      ["/szukaj?q=rewitalizacja", "Wydarzenia"],
      ["/miasta/dzierzoniow", "Dobre praktyki miasta"],
      ["/wydarzenia/wyzwania-demograficzne-2020", "Materiały i nagrania"],
    ] as const) {
      await page.goto(app.url + path);
      await page.getByRole("heading", { name: text }).first().waitFor();
      expect(await seriousAxeViolations(page), path).toEqual([]);
    }
  });
});

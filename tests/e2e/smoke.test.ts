import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../db/seed-data/accounts.js";
import { browserLogin, seriousAxeViolations } from "./browser.js";
import { app, browser, startAppAndBrowser } from "./suite.js";


startAppAndBrowser();

describe("a city representative's first visit", () => {
  it("opens the home page, logs in, registers for an upcoming event and finds it in 'my events'", async () => {
    const page = await browser.newPage();
    await page.goto(app.url);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Forum Rozwoju Lokalnego");

    await browserLogin(page, app.url, "member@frl.test", DEMO_PASSWORD);
    await page.getByRole("button", { name: "Wyloguj" }).waitFor({ state: "visible" });

    const event = (await app.services.events.list({ when: "upcoming", limit: 1 }))[0];
    await page.goto(`${app.url}/wydarzenia`);
    await page.getByRole("link", { name: event.title }).first().click();
    await page.waitForURL(`**/wydarzenia/${event.slug}`);
    await page.getByRole("button", { name: /Zapisz się/ }).click();
    await page.getByRole("status").filter({ hasText: /Zapisano na wydarzenie|listy rezerwowej/ }).waitFor();

    await page.getByRole("link", { name: "Moje wydarzenia" }).first().click();
    await page.waitForURL("**/moje-wydarzenia");
    await page.getByRole("heading", { name: "Moje wydarzenia" }).waitFor();
    await page.getByRole("link", { name: event.title, exact: true }).waitFor();
    expect(await page.getByRole("link", { name: event.title, exact: true }).count()).toBe(1);
    await page.screenshot({ path: `${app.dataDir}/my-events.png`, fullPage: true });
    await page.close();
  });

  it("has no serious or critical accessibility violations on home, events and login", async () => {
    const page = await browser.newPage();
    const report: Record<string, unknown> = {};
    for (const path of ["/", "/wydarzenia", "/login", "/wydarzenia/wyzwania-demograficzne-2020", "/miasta"]) {
      await page.goto(app.url + path);
      report[path] = await seriousAxeViolations(page);
    }
    expect(report).toEqual({ "/": [], "/wydarzenia": [], "/login": [], "/wydarzenia/wyzwania-demograficzne-2020": [], "/miasta": [] });
    await page.close();
  });

  it("is usable with the keyboard alone: skip link, then the main navigation", async () => {
    const page = await browser.newPage();
    await page.goto(app.url);
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Przejdź do treści");
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => location.hash)).toBe("#main");
    await page.close();
  });
});

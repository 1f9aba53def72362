// Issue 15 in the browser: the header's unread count rises live while a page is open, the notification centre marks
// read, and the settings page is usable and axe-clean.
import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../db/seed-data/accounts.js";
import { browserLogin, seriousAxeViolations } from "./browser.js";
import { app, browser, startAppAndBrowser } from "./suite.js";

startAppAndBrowser();

describe("notifications in the browser", () => {
  it("raises the header count live, lists the notification, marks it read, and saves the settings (axe clean)", async () => {
    const member = await app.services.db.db.selectFrom("users").select("id").where("email", "=", "member@frl.test").executeTakeFirstOrThrow();
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await browserLogin(page, app.url, "member@frl.test", DEMO_PASSWORD);
    await page.goto(`${app.url}/wydarzenia`);
    const link = page.locator("#header-notifications");
    await expect.poll(() => link.getAttribute("data-unread")).toBe("0");
    // Give the socket a moment to connect after hydration, then notify from the server side.
    await page.waitForTimeout(1000);
    await app.services.notifications.notify([member.id], "materials_added", { title: "Nagranie z seminarium jest dostępne", body: "Obejrzyj nagranie.", path: "/biblioteka" });
    await expect.poll(() => link.getAttribute("data-unread"), { timeout: 10_000 }).toBe("1");
    expect(await page.getByRole("link", { name: "Powiadomienia (1 nieprzeczytane)" }).count()).toBe(1);

    await link.click();
    await page.getByRole("heading", { level: 1, name: "Powiadomienia" }).waitFor();
    await page.getByRole("heading", { name: /Nagranie z seminarium jest dostępne/ }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Oznacz jako przeczytane: Nagranie z seminarium jest dostępne" }).click();
    await page.getByRole("status").filter({ hasText: "Oznaczono jako przeczytane." }).waitFor();
    await expect.poll(() => link.getAttribute("data-unread")).toBe("0");

    await page.goto(`${app.url}/konto/powiadomienia`);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole("group", { name: "Przypomnienia przed wydarzeniem" }).getByLabel("Tylko w serwisie").check();
    await page.getByLabel("Raz w tygodniu").check();
    await page.getByLabel("Polityka finansowa").check();
    await page.getByRole("button", { name: "Zapisz ustawienia" }).click();
    await page.getByRole("status").filter({ hasText: "Ustawienia powiadomień zapisane." }).waitFor();
    await page.reload();
    expect(await page.getByLabel("Raz w tygodniu").isChecked()).toBe(true);
    expect(await page.getByLabel("Polityka finansowa").isChecked()).toBe(true);
  });
});

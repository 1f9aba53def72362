// The city field in Chromium (issue 12 follow-up): typing offers towns from /miasta/podpowiedzi in an ARIA combobox
// that axe finds clean (any impact) while open; arrow keys and Enter, or a tap, pick a town, Escape closes the list.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../db/seed-data/accounts.js";
import { browserLogin, type AxeViolation } from "./browser.js";
import { app, browser, startAppAndBrowser } from "./suite.js";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** Every WCAG 2.1 A/AA violation, whatever its impact. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
    return axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
  });
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}


startAppAndBrowser();

describe("city field", () => {
  it("on /register suggests towns as one types, picks one with the keyboard, and registers with it", async () => {
    const page = await browser.newPage();
    await page.goto(`${app.url}/register`);
    const field = page.getByRole("combobox", { name: "Miasto" });
    await field.waitFor(); // the plain input becomes a combobox once the page is hydrated
    await expect(field.getAttribute("aria-expanded")).resolves.toBe("false");
    await field.pressSequentially("zdun", { delay: 30 });
    const option = page.getByRole("option", { name: /Zduńska Wola/ });
    await option.waitFor();
    await expect(field.getAttribute("aria-expanded")).resolves.toBe("true");
    expect(await axeViolations(page)).toEqual([]);

    await field.press("ArrowDown");
    const activeId = await field.getAttribute("aria-activedescendant");
    expect(activeId).toBeTruthy();
    await expect(page.locator(`[id="${activeId}"]`).getAttribute("aria-selected")).resolves.toBe("true");
    await expect(page.locator(`[id="${activeId}"]`).textContent()).resolves.toContain("Zduńska Wola");
    await field.press("Enter"); // takes the town; it does not submit the form
    await expect(field.inputValue()).resolves.toBe("Zduńska Wola");
    await expect(field.getAttribute("aria-expanded")).resolves.toBe("false");
    expect(page.url()).toBe(`${app.url}/register`);

    // Escape closes an open list and keeps what was typed.
    await field.fill("");
    await field.pressSequentially("Kal", { delay: 30 });
    await page.getByRole("option", { name: "Kalisz wielkopolskie" }).waitFor();
    await field.press("Escape");
    await expect(field.getAttribute("aria-expanded")).resolves.toBe("false");
    await expect(field.inputValue()).resolves.toBe("Kal");
    await field.fill("");
    await field.pressSequentially("zdun", { delay: 30 });
    await option.waitFor();
    await field.press("ArrowDown");
    await field.press("Enter");

    const email = `pole-miasta-${process.pid}@example.pl`;
    await page.getByLabel("Imię i nazwisko").fill("Anna Polna");
    await page.getByLabel("Adres e-mail").fill(email);
    await page.getByLabel("Hasło", { exact: false }).first().fill("Prosna-rower-Kalisz-2026");
    await page.getByLabel("Kogo reprezentujesz?").selectOption("city");
    await Promise.all([page.waitForURL((u) => u.pathname === "/login"), page.getByRole("button", { name: "Załóż konto" }).click()]);
    const stored = await app.services.db.db.selectFrom("users").innerJoin("cities", "cities.id", "users.cityId").select("cities.name").where("users.email", "=", email).executeTakeFirstOrThrow();
    expect(stored.name).toBe("Zduńska Wola");
    await page.close();
  });

  it("on /konto a tap on a suggestion picks one of two same-named towns, and the page keeps it after saving", async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    await browserLogin(page, app.url, "member@frl.test", DEMO_PASSWORD);
    await page.goto(`${app.url}/konto`);
    const field = page.getByRole("combobox", { name: "Miasto" });
    await field.waitFor();
    await expect(field.inputValue()).resolves.toBe("Dzierżoniów");
    await field.fill("");
    await field.pressSequentially("olesni", { delay: 30 });
    await page.getByRole("option", { name: /Oleśnica.*świętokrzyskie/ }).tap();
    await expect(field.inputValue()).resolves.toBe("Oleśnica (świętokrzyskie)");
    await expect(field.getAttribute("aria-expanded")).resolves.toBe("false");
    await page.getByRole("button", { name: "Zapisz" }).first().click();
    await page.getByRole("status").filter({ hasText: "Zapisano zmiany." }).waitFor();
    await page.reload();
    await expect(page.getByRole("combobox", { name: "Miasto" }).inputValue()).resolves.toBe("Oleśnica (świętokrzyskie)");
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});

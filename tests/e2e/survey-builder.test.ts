// Issue 13: staff build a survey from the keyboard, without JavaScript (every button a plain form post) and with it
// (focus lands on the moved question, or on the list of problems after a refusal); the refused form is axe clean.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../db/seed-data/accounts.js";
import { t } from "../../domain/i18n/index.js";
import { browserLogin, seriousAxeViolations } from "./browser.js";
import { app, browser, startAppAndBrowser } from "./suite.js";

const b = t.surveyBuilder;


startAppAndBrowser();

const legends = (page: Page) => page.locator(".survey-builder-questions > li > fieldset > legend").allInnerTexts();

describe("the survey builder in a browser", () => {
  for (const javaScriptEnabled of [false, true]) {
    it(`creates a survey, adds and moves a question from the keyboard (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async () => {
      const context = await browser.newContext({ javaScriptEnabled });
      const page = await context.newPage();
      await browserLogin(page, app.url, "admin@frl.test", DEMO_PASSWORD);
      const slug = `klawiatura-${javaScriptEnabled ? "js" : "html"}`;
      await page.goto(`${app.url}/ankiety`);
      await page.getByRole("link", { name: b.newSurvey }).click();
      await page.getByLabel(b.slug).fill(slug);
      await page.getByLabel(b.title).fill("Ankieta z klawiatury");
      // Enter in a field presses the form's first button: create, not a move or a removal.
      await page.getByLabel(b.title).press("Enter");
      await page.waitForURL(`**/ankiety/${slug}/edycja?utworzono=1`);
      await page.getByText(b.created).waitFor();

      await page.getByRole("button", { name: b.addOfType(b.types.text) }).focus();
      await page.keyboard.press("Enter");
      await page.waitForURL(/#pytanie-2$/);
      expect(await legends(page)).toEqual([`${b.question(1)}: ${b.types.single}`, `${b.question(2)}: ${b.types.text}`]);

      await page.getByRole("button", { name: `${b.moveUp} (${b.question(2)})` }).focus();
      await page.keyboard.press("Enter");
      await page.waitForURL(/#pytanie-1$/);
      await page.getByText(b.saved).waitFor();
      expect(await legends(page)).toEqual([`${b.question(1)}: ${b.types.text}`, `${b.question(2)}: ${b.types.single}`]);
      if (javaScriptEnabled) expect(await page.evaluate(() => document.activeElement?.id)).toBe("pytanie-1");

      // A refused save (an id with a space; an empty required field the browser itself stops): the problems are listed
      // (and focused with JavaScript), the field is marked, the page axe clean.
      const id = page.getByLabel(b.questionId).first();
      await id.fill("Zły id");
      await page.getByRole("button", { name: b.save }).first().click();
      const summary = page.locator(".error-summary");
      await summary.waitFor();
      expect(await summary.innerText()).toContain(b.fixBelow);
      expect(await page.getByLabel(b.questionId).first().getAttribute("aria-invalid")).toBe("true");
      if (javaScriptEnabled) expect(await page.evaluate(() => document.activeElement?.classList.contains("error-summary"))).toBe(true);
      // axe needs scripts on the page (timers), so it runs in the JavaScript pass; the markup is the same in both.
      if (javaScriptEnabled) expect(await seriousAxeViolations(page)).toEqual([]);
      await context.close();
    });
  }
});

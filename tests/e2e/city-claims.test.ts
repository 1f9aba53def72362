// The city claim queue (issue 10) in Chromium: axe finds no serious violations with a pending claim, and an admin
// accepts it through the labelled form, the result announced in a status region.
import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../db/seed-data/accounts.js";
import { browserLogin, seriousAxeViolations } from "./browser.js";
import { app, browser, startAppAndBrowser } from "./suite.js";


startAppAndBrowser();

describe("city claim queue", () => {
  it("is accessible and accepts a pending claim", async () => {
    const kalisz = await app.services.db.db.selectFrom("cities").select("id").where("slug", "=", "kalisz").executeTakeFirstOrThrow();
    await app.services.auth.register(
      { name: "Jan Zgłaszający", email: `zglaszajacy-${process.pid}@example.pl`, password: "Prosna-rower-Kalisz-2026", affiliation: "city", cityId: kalisz.id, position: "Urząd Miasta" },
      { ip: "127.0.0.1", baseUrl: app.url },
    );
    const page = await browser.newPage();
    await browserLogin(page, app.url, "admin@frl.test", DEMO_PASSWORD);
    await page.goto(`${app.url}/admin/miasta-zgloszenia`);
    await page.getByRole("heading", { name: "Oczekujące zgłoszenia" }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByLabel("Uzasadnienie decyzji (nieobowiązkowe) — Jan Zgłaszający").fill("Potwierdzone telefonicznie");
    await page.getByRole("form", { name: "Decyzja w sprawie zgłoszenia: Jan Zgłaszający, Kalisz" }).getByRole("button", { name: "Potwierdź" }).click();
    await page.getByRole("status").filter({ hasText: "Potwierdzono: Jan Zgłaszający reprezentuje miasto Kalisz." }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});

// Issue 14 in Chromium: follow a network from /sieci to a meeting, post in its discussion, edit its notes in two
// browsers and record an agreement; axe finds no serious violation on /sieci and /sieci/<slug>.
import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../db/seed-data/accounts.js";
import { browserLogin, seriousAxeViolations } from "./browser.js";
import { app, browser, startAppAndBrowser } from "./suite.js";


startAppAndBrowser();

describe("networks of experience exchange", () => {
  it("from /sieci to a meeting, a post, shared notes in two browsers and an agreement", async () => {
    const anon = await (await browser.newContext()).newPage();
    await anon.goto(`${app.url}/sieci`);
    await anon.getByRole("img", { name: "Mapa miast członkowskich" }).waitFor();
    expect(await seriousAxeViolations(anon)).toEqual([]);
    await anon.getByRole("link", { name: "Zmiany demograficzne", exact: true }).first().click();
    await anon.getByRole("heading", { level: 1, name: "Zmiany demograficzne" }).waitFor();
    expect(await seriousAxeViolations(anon)).toEqual([]);
    await anon.getByRole("link", { name: /Zmiany demograficzne: spotkanie 12/ }).click();
    await anon.getByRole("link", { name: "Zmiany demograficzne" }).first().waitFor();

    const member = await (await browser.newContext()).newPage();
    await browserLogin(member, app.url, "member@frl.test", DEMO_PASSWORD);
    await member.goto(`${app.url}/sieci/zmiany-demograficzne`);
    await member.getByLabel("Temat").fill("Dane o migracjach");
    await member.getByLabel("Treść", { exact: true }).fill("Kto ma już dane za 2026 rok?");
    await member.getByRole("button", { name: "Zacznij wątek" }).click();
    await member.getByRole("status").filter({ hasText: "Wpis dodany." }).waitFor();
    await member.getByRole("heading", { name: "Dane o migracjach" }).waitFor();

    const coordinator = await (await browser.newContext()).newPage();
    await browserLogin(coordinator, app.url, "moderator@frl.test", DEMO_PASSWORD);
    await coordinator.goto(`${app.url}/sieci/zmiany-demograficzne`);
    const notesA = member.getByLabel("Treść wspólnych notatek");
    const notesB = coordinator.getByLabel("Treść wspólnych notatek");
    await member.getByText("Zmiany zapisują się automatycznie.").waitFor();
    await coordinator.getByText("Zmiany zapisują się automatycznie.").waitFor();
    await notesA.click();
    await notesA.pressSequentially("Dzierżoniów: ankieta gotowa.");
    await expect.poll(() => notesB.inputValue(), { timeout: 10_000 }).toContain("Dzierżoniów: ankieta gotowa.");
    await notesB.press("End");
    await notesB.pressSequentially(" ZMP: sala zarezerwowana.");
    await expect.poll(() => notesA.inputValue(), { timeout: 10_000 }).toBe("Dzierżoniów: ankieta gotowa. ZMP: sala zarezerwowana.");

    // The coordinator's open page shows the member's reply without a reload, and finds it through the discussion search.
    await coordinator.locator('section[data-live="on"]').waitFor();
    await member.getByRole("article", { name: "Dane o migracjach" }).getByLabel("Odpowiedź w wątku „Dane o migracjach”").fill("Wałbrzych prześle swoje dane w piątek.");
    await member.getByRole("article", { name: "Dane o migracjach" }).getByRole("button", { name: "Wyślij odpowiedź" }).click();
    await coordinator.getByText("Wałbrzych prześle swoje dane w piątek.").waitFor();
    await app.services.search.indexer.waitUntilEmpty(30_000);
    await coordinator.getByLabel("Szukaj w dyskusji sieci").fill("dane w piątek");
    await coordinator.getByRole("button", { name: "Szukaj w dyskusji", exact: true }).click();
    await coordinator.getByRole("heading", { name: /Wyniki wyszukiwania w dyskusji/ }).waitFor();
    await coordinator.getByRole("link", { name: "Dane o migracjach" }).first().waitFor();
    expect(await seriousAxeViolations(coordinator)).toEqual([]);

    await member.getByLabel("Co ustalono").fill("Dzierżoniów przygotuje wzór ankiety dla seniorów");
    await member.getByLabel("Miasto odpowiedzialne").selectOption({ label: "Dzierżoniów" });
    await member.getByLabel("Termin").fill("2027-05-31");
    await member.getByRole("button", { name: "Zapisz ustalenie" }).click();
    await member.getByRole("status").filter({ hasText: "Ustalenie zapisane." }).waitFor();
    await member.getByRole("cell", { name: "Dzierżoniów przygotuje wzór ankiety dla seniorów", exact: true }).waitFor();
    expect(await seriousAxeViolations(member)).toEqual([]);
  });
});

import { mkdirSync } from "node:fs";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../db/seed-data/accounts.js";
import { createLiveEvent } from "../integration/live-support.js";
import { browserLogin, seriousAxeViolations } from "./browser.js";
import { app, browser, startAppAndBrowser } from "./suite.js";

const shots = ".tmp/live/e2e";

startAppAndBrowser();
beforeAll(() => {
  mkdirSync(shots, { recursive: true });
});

async function openRoom(email: string | null, slug: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  page.on("pageerror", (e) => console.error(`[${email}] pageerror`, e.message));
  if (email) await browserLogin(page, app.url, email, DEMO_PASSWORD);
  await page.goto(`${app.url}/wydarzenia/${slug}/na-zywo`);
  await page.getByText("Połączono").first().waitFor({ timeout: 20_000 });
  return page;
}

describe("live room in real browsers", () => {
  it("one asks, another upvotes, the moderator marks it answered; everyone sees each change without reload", async () => {
    const ev = await createLiveEvent(app, { joinUrl: "https://127.0.0.1:9/stream" });
    const asker = await openRoom("member@frl.test", ev.slug);
    const voter = await openRoom("kalisz@frl.test", ev.slug);
    const mod = await openRoom("moderator@frl.test", ev.slug);

    await asker.getByLabel("Twoje pytanie").fill("Jak łączyć fundusze UE z budżetem obywatelskim? Zobacz https://zmp.poznan.pl");
    await asker.getByRole("button", { name: "Zadaj pytanie" }).click();

    const question = (p: Page) => p.locator("article.live-msg", { hasText: "Jak łączyć fundusze UE" });
    await question(voter).waitFor();
    await question(mod).waitFor();
    // The link is clickable and safe.
    await expect(question(voter).getByRole("link", { name: "https://zmp.poznan.pl" }).getAttribute("rel")).resolves.toContain("noopener");

    await question(voter).getByRole("button", { name: /Głosuj/ }).click();
    await question(asker).getByText("1 głos").waitFor();
    await question(mod).getByText("1 głos").waitFor();
    await question(voter).getByRole("button", { name: /Cofnij głos/ }).waitFor();

    // The written answer is asked for in the page (no browser prompt): labelled, focused, Escape closes it.
    await question(mod).getByRole("button", { name: "Oznacz jako odpowiedziane" }).click();
    const answerField = question(mod).getByLabel("Odpowiedź pisemna (opcjonalnie)");
    await expect(answerField.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await mod.keyboard.press("Escape");
    await answerField.waitFor({ state: "detached" });
    await expect(question(mod).getByRole("button", { name: "Oznacz jako odpowiedziane" }).evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await mod.keyboard.press("Enter");
    await answerField.fill("Tak, można – przykład Dzierżoniowa.");
    expect(await seriousAxeViolations(mod)).toEqual([]);
    await question(mod).screenshot({ path: `${shots}/answer-prompt.png` });
    await question(mod).getByRole("button", { name: "Zapisz jako odpowiedziane" }).click();
    for (const p of [asker, voter, mod]) {
      await question(p).getByText("Odpowiedziano").waitFor();
      await question(p).getByText("Tak, można – przykład Dzierżoniowa.").waitFor();
    }
    await asker.screenshot({ path: `${shots}/room-member.png`, fullPage: true });
    await mod.screenshot({ path: `${shots}/room-moderator.png`, fullPage: true });
    expect(await seriousAxeViolations(asker)).toEqual([]);
    expect(await seriousAxeViolations(mod)).toEqual([]);

    // The presenter view shows the next open question in large type, live.
    const presenter = await mod.context().newPage();
    await presenter.goto(`${app.url}/wydarzenia/${ev.slug}/na-zywo/prezenter`);
    await presenter.getByText("Brak pytań oczekujących na odpowiedź.").waitFor();
    await voter.getByLabel("Twoje pytanie").fill("Czy będzie nagranie?");
    await voter.getByRole("button", { name: "Zadaj pytanie" }).click();
    await presenter.locator("blockquote", { hasText: "Czy będzie nagranie?" }).waitFor();
    expect(await seriousAxeViolations(presenter)).toEqual([]);

    // Hiding asks for a reason in the page too; others then see only that it was hidden, and why.
    const recording = (p: Page) => p.locator("article.live-msg", { hasText: "Czy będzie nagranie?" });
    await recording(mod).getByRole("button", { name: "Ukryj" }).click();
    await recording(mod).getByLabel("Powód ukrycia (opcjonalnie)").fill("Odpowiemy po przerwie");
    await recording(mod).getByLabel("Powód ukrycia (opcjonalnie)").press("Enter");
    await asker.getByText("Ukryte przez moderatora: Odpowiemy po przerwie").waitFor();
    await recording(mod).getByRole("button", { name: "Pokaż" }).click();
    await asker.locator("article.live-msg", { hasText: "Czy będzie nagranie?" }).waitFor();

    // A moderator opens a discussion thread; it appears for others without reload and carries comments both ways.
    await mod.getByLabel("Tytuł wątku").fill("Sesja 1: finansowanie");
    await mod.getByRole("button", { name: "Utwórz wątek" }).click();
    await asker.getByRole("tab", { name: "Sesja 1: finansowanie" }).click();
    await asker.getByLabel("Twoja wiadomość").fill("Dzień dobry z Dzierżoniowa!");
    await asker.getByRole("button", { name: "Wyślij" }).click();
    await mod.getByRole("tab", { name: "Sesja 1: finansowanie" }).click();
    await mod.locator("article.live-msg", { hasText: "Dzień dobry z Dzierżoniowa!" }).waitFor();
    expect(await seriousAxeViolations(asker)).toEqual([]);
  });

  it("works on a phone for an anonymous reader, who is asked to sign in to write", async () => {
    const ev = await createLiveEvent(app);
    const phone = await openRoom(null, ev.slug, { width: 375, height: 740 });
    await phone.getByText("Zaloguj się, aby pisać i głosować.").waitFor();
    expect(await phone.getByLabel("Twoje pytanie").count()).toBe(0);
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await phone.screenshot({ path: `${shots}/room-phone.png`, fullPage: true });
    expect(await seriousAxeViolations(phone)).toEqual([]);
  });
});

import { cpSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../db/seed-data/accounts.js";
import { createAgendaEvent } from "../integration/agenda-fixtures.js";
import { startTestServer, type TestServer } from "../setup/test-server.js";
import { browserLogin, launchBrowser, seriousAxeViolations } from "./browser.js";

let app: TestServer;
let browser: Browser;

beforeAll(async () => {
  app = await startTestServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  // Keep the screenshots: the data folder is removed by stop().
  if (app) cpSync(app.dataDir, ".tmp/agenda/e2e", { recursive: true, filter: (src) => !src.includes(".db") });
  await app?.stop();
});

async function openWorkspace(email: string, slug: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.on("pageerror", (e) => console.error(`[${email}] pageerror`, e.message));
  await browserLogin(page, app.url, email, DEMO_PASSWORD);
  await page.goto(`${app.url}/wydarzenia/${slug}/program`);
  await page.getByTestId("agenda-sync-status").filter({ hasText: "Zsynchronizowano" }).waitFor({ timeout: 20_000 });
  return page;
}

describe("agenda co-design in two browsers", () => {
  it("A writes a session, B sees text and A's named cursor, B votes, the moderator publishes, the event page shows it", async () => {
    const eventId = await createAgendaEvent(app.services.db);
    const event = await app.services.events.byId(eventId);
    if (!event) throw new Error("event not created");
    const slug = event.slug;
    const a = await openWorkspace("member@frl.test", slug);
    const b = await openWorkspace("moderator@frl.test", slug);

    // Both see each other in the presence list.
    await a.getByTestId("agenda-presence").getByText("Marek Moderator").waitFor();
    await b.getByTestId("agenda-presence").getByText("Maria Członkini").waitFor();

    // A adds a session, names it and types its description.
    await a.getByRole("button", { name: "Dodaj blok" }).click();
    await a.getByLabel("Tytuł", { exact: true }).fill("Rewitalizacja śródmieść");
    const editorA = a.getByRole("textbox", { name: "Opis: Rewitalizacja śródmieść" });
    await editorA.click();
    await a.keyboard.type("Doświadczenia miast średnich");

    // B sees the text, and A's caret labelled with A's name.
    const editorB = b.getByRole("textbox", { name: "Opis: Rewitalizacja śródmieść" });
    await editorB.getByText("Doświadczenia miast średnich").waitFor();
    await b.locator(".collaboration-carets__label", { hasText: "Maria Członkini" }).waitFor();
    // …with A's city in the presence list…
    await b.getByTestId("agenda-presence").getByText(/Dzierżoniów/).waitFor();
    // …and which session A is editing.
    await b.getByTestId("agenda-presence").getByText(/edytuje: Rewitalizacja śródmieść/).waitFor();
    await b.screenshot({ path: `${app.dataDir}/agenda-workspace-b.png`, fullPage: true });

    // A links a library item by searching for its title; B sees the title too, not a number.
    await a.getByLabel("Dodaj materiał – wpisz fragment tytułu").fill("rewitalizacja dzierzoniow");
    await a.getByRole("button", { name: /^Dodaj: Rewitalizacja śródmieścia Dzierżoniowa/ }).click();
    const linked = (p: typeof a) => p.locator(".agenda-library-list").getByRole("link", { name: /Rewitalizacja śródmieścia Dzierżoniowa/ });
    await linked(a).waitFor();
    await linked(b).waitFor();
    await expect(a.getByLabel("Dodaj materiał – wpisz fragment tytułu").evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    expect(await seriousAxeViolations(a)).toEqual([]);
    await a.locator(".agenda-library").first().screenshot({ path: `${app.dataDir}/agenda-library.png` });

    // A proposes a topic; B puts a dot on it.
    await a.getByLabel("Temat", { exact: true }).fill("Mieszkalnictwo dla młodych");
    await a.getByLabel("Dlaczego to ważne").fill("Młodzi wyjeżdżają z miast średnich.");
    await a.getByRole("button", { name: "Zaproponuj temat" }).click();
    await b.getByRole("button", { name: /Dodaj kropkę\s*: Mieszkalnictwo dla młodych/ }).click();
    await a.locator(".agenda-proposal", { hasText: "Mieszkalnictwo dla młodych" }).getByText("1 kropka").waitFor();

    // Keyboard reordering and delete-with-undo work on A's side.
    await a.getByRole("button", { name: "Dodaj blok" }).click();
    await a.getByLabel("Tytuł", { exact: true }).nth(1).fill("Przerwa kawowa");
    await a.getByRole("button", { name: "Przesuń wyżej: Przerwa kawowa" }).click();
    await b.locator(".agenda-session h3").first().filter({ hasText: "Przerwa kawowa" }).waitFor();
    await a.getByRole("button", { name: /Usuń blok\s*: Przerwa kawowa/ }).click();
    await b.locator(".agenda-session h3").first().filter({ hasText: "Rewitalizacja śródmieść" }).waitFor();
    await a.getByRole("button", { name: "Cofnij" }).click();
    await b.locator(".agenda-session h3", { hasText: "Przerwa kawowa" }).waitFor();
    await a.getByRole("button", { name: "Cofnij" }).click();
    await a.getByRole("button", { name: "Cofnij" }).click();
    await a.getByRole("button", { name: "Cofnij" }).click();
    await b.locator(".agenda-session h3", { hasText: "Przerwa kawowa" }).waitFor({ state: "detached" });

    // The moderator publishes.
    await b.getByTestId("agenda-publish-state").filter({ hasText: "Nieopublikowane zmiany" }).waitFor();
    await b.getByRole("button", { name: "Opublikuj program" }).click();
    await b.getByRole("status").filter({ hasText: "Opublikowano wersję 1." }).waitFor();
    await b.getByTestId("agenda-publish-state").filter({ hasText: "Opublikowana wersja jest aktualna" }).waitFor({ timeout: 20_000 });
    expect(await seriousAxeViolations(b)).toEqual([]);

    // Offline: A's WebSocket is refused; edits made offline survive a reload (y-indexeddb) and merge on reconnect.
    let offline = true;
    await a.routeWebSocket(/\/collab\//, (ws) => (offline ? ws.close({ code: 1001, reason: "offline" }) : ws.connectToServer()));
    await a.reload();
    await a.getByTestId("agenda-sync-status").filter({ hasText: /Offline/ }).waitFor();
    await a.getByLabel("Tytuł", { exact: true }).fill("Rewitalizacja śródmieść i osiedli");
    await a.waitForTimeout(500);
    await a.reload();
    await a.getByTestId("agenda-sync-status").filter({ hasText: /Offline/ }).waitFor();
    expect(await a.getByLabel("Tytuł", { exact: true }).inputValue()).toBe("Rewitalizacja śródmieść i osiedli");
    offline = false;
    await a.getByTestId("agenda-sync-status").filter({ hasText: "Zsynchronizowano" }).waitFor({ timeout: 20_000 });
    await b.locator(".agenda-session h3", { hasText: "Rewitalizacja śródmieść i osiedli" }).waitFor();
    await b.getByTestId("agenda-publish-state").filter({ hasText: "Nieopublikowane zmiany" }).waitFor();

    // The moderator restores version 1 from the history; the restore is one change that "Cofnij" undoes.
    await b.goto(`${app.url}/wydarzenia/${slug}/program/wersje`);
    expect(await seriousAxeViolations(b)).toEqual([]);
    await b.getByRole("link", { name: /Przywróć tę wersję\s*: Wersja 1/ }).click();
    // The link only asks; the moderator confirms.
    await b.getByRole("button", { name: "Przywróć wersję 1" }).click();
    await b.getByText("Przywrócono wersję.", { exact: false }).first().waitFor({ timeout: 20_000 });
    await a.locator(".agenda-session h3", { hasText: /^1\. Rewitalizacja śródmieść$/ }).waitFor();
    await b.getByRole("button", { name: "Cofnij" }).click();
    await a.locator(".agenda-session h3", { hasText: "Rewitalizacja śródmieść i osiedli" }).waitFor();

    // Anyone sees the programme on the public event page.
    const visitor = await (await browser.newContext()).newPage();
    await visitor.goto(`${app.url}/wydarzenia/${slug}`);
    const programme = visitor.getByRole("region", { name: "Program" });
    await programme.getByRole("heading", { name: /Rewitalizacja śródmieść/ }).waitFor();
    // The published version is the one from before the offline edit.
    expect(await programme.textContent()).not.toContain("i osiedli");
    expect(await programme.textContent()).toContain("Doświadczenia miast średnich");
    await programme.getByRole("link", { name: /Rewitalizacja śródmieścia Dzierżoniowa/ }).waitFor();
    expect(await programme.textContent()).not.toContain("Mieszkalnictwo dla młodych");
    expect(await seriousAxeViolations(visitor)).toEqual([]);
    await visitor.screenshot({ path: `${app.dataDir}/agenda-public.png`, fullPage: true });
    await visitor.goto(`${app.url}/wydarzenia/${slug}/program/druk`);
    await visitor.getByRole("heading", { name: /Rewitalizacja śródmieść/ }).waitFor();
    expect(await seriousAxeViolations(visitor)).toEqual([]);
    console.log(`screenshots in ${app.dataDir}`);
  });
});

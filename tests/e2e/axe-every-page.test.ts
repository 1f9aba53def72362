// axe-core on one page of every type, each opened as the role that uses it: no WCAG 2.1 A/AA violation of any impact.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { agendaRoots, createSessionMap } from "../../domain/agenda-doc.js";
import { DEMO_PASSWORD } from "../../db/seed-data/accounts.js";
import { signedIn } from "../setup/http-client.js";
import { connectAgenda, cookieOf, eventually } from "../integration/agenda-clients.js";
import { createAgendaEvent } from "../integration/agenda-fixtures.js";
import { createItem, itemForm } from "../integration/library-support.js";
import { createLiveEvent } from "../integration/live-support.js";
import { surveyWithSignupLink } from "../integration/survey-invitation-support.js";
import { importLibraryJsonl } from "../../server/library/library-import.js";
import { browserLogin, type AxeViolation } from "./browser.js";
import { app, browser, startAppAndBrowser } from "./suite.js";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");


startAppAndBrowser();

/** Every WCAG 2.1 A/AA violation axe finds, whatever its impact, with the offending elements. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
    return axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
  });
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

type Visit = { path: string; ready?: (page: Page) => Promise<unknown> };

async function audit(email: string | null, visits: Visit[]): Promise<Record<string, string[]>> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  if (email) await browserLogin(page, app.url, email, DEMO_PASSWORD);
  const report: Record<string, string[]> = {};
  for (const v of visits) {
    await page.goto(app.url + v.path);
    await page.getByRole("heading", { level: 1 }).first().waitFor();
    if (v.ready) await v.ready(page);
    report[v.path] = await axeViolations(page);
  }
  await context.close();
  return report;
}

const clean = (report: Record<string, string[]>) => Object.fromEntries(Object.keys(report).map((k) => [k, []]));

describe("axe on every page type", () => {
  let librarySlug: string;
  let programmeSlug: string;
  let live: { slug: string };
  let invitations: { slug: string; signupPath: string };
  let unsubscribePath: string;
  let revisionPath: string;

  beforeAll(async () => {
    const anonymous = await signedIn(app.url, null);
    const listing = await anonymous.html("/biblioteka");
    librarySlug = /href="\/biblioteka\/(?!nowa|moje)([a-z0-9-]+)"/.exec(listing.html)![1];

    // A programme with one session, published, so both the workspace and the published pages have content.
    const eventId = await createAgendaEvent(app.services.db);
    programmeSlug = (await app.services.events.byId(eventId))!.slug;
    const editor = connectAgenda(app.url, `agenda:${eventId}`, await cookieOf(app.url, "moderator"));
    await editor.synced;
    agendaRoots(editor.doc).sessions.push([createSessionMap({ id: "a1", title: "Budżet obywatelski", start: "09:00", end: "10:00", kind: "workshop", description: "Jak liczyć głosy" })]);
    await eventually(async () => (await app.services.agenda.current(eventId)).sessions.length === 1, "stored");
    editor.destroy();
    const moderator = await signedIn(app.url, "moderator");
    await moderator.get(`/wydarzenia/${programmeSlug}/program`);
    expect((await moderator.post(`/wydarzenia/${programmeSlug}/program`, { intent: "publish" })).status).toBe(200);

    live = await createLiveEvent(app, { joinUrl: "https://127.0.0.1:9/stream" });
    invitations = await surveyWithSignupLink(app);

    // A signed unsubscribe link as a reminder mail carries it, for the member.
    const member = await app.services.db.db.selectFrom("users").select("id").where("email", "=", "member@frl.test").executeTakeFirstOrThrow();
    const unsubscribe = new URL(app.services.notifications.unsubscribeUrl(member.id, "event_reminder"));
    unsubscribePath = unsubscribe.pathname + unsubscribe.search;

    // A library item saved twice, so it has an earlier version to show.
    const itemSlug = await createItem(moderator, { title: "Wersja pierwsza" });
    expect((await moderator.post(`/biblioteka/${itemSlug}/edycja`, { intent: "save", ...itemForm({ title: "Wersja druga", slug: itemSlug }) })).status).toBe(302);
    const item = await app.services.db.db.selectFrom("libraryItems").select("id").where("slug", "=", itemSlug).executeTakeFirstOrThrow();
    revisionPath = `/biblioteka/${itemSlug}/wersje/${(await app.services.library.revisions(item.id))[0].id}`;

    // A place an import named that is not in the directory, so /admin/miasta has a city to confirm or merge.
    await importLibraryJsonl(app.services.db, JSON.stringify({ externalId: "axe-1", kind: "good_practice", title: "Praktyka z Nowych Zakątków", summary: "Opis.", areas: ["demografia"], city: "Nowe Zakątki", year: 2024, goodPractice: { problem: "P.", solution: "S.", results: "R.", costAndFunding: "Budżet gminy.", period: "2023", contact: "Urząd" } }));
  });

  it("public pages, as a visitor", async () => {
    const report = await audit(null, [
      { path: "/" },
      { path: "/wydarzenia" },
      { path: "/wydarzenia/wyzwania-demograficzne-2020" },
      { path: `/wydarzenia/${programmeSlug}` },
      { path: `/wydarzenia/${programmeSlug}/program/druk` },
      { path: "/biblioteka" },
      { path: `/biblioteka/${librarySlug}` },
      { path: "/szukaj?q=rewitalizacja" },
      { path: "/miasta" },
      { path: "/miasta/dzierzoniow" },
      { path: "/sieci" },
      { path: "/sieci/zmiany-demograficzne" },
      { path: "/obszary/demografia" },
      { path: "/login" },
      { path: "/register" },
      { path: "/haslo/nowe" },
      { path: "/haslo/reset" },
      { path: unsubscribePath },
      { path: invitations.signupPath },
      { path: "/deklaracja-dostepnosci" },
      { path: "/nie-ma-takiej-strony" },
    ]);
    expect(report).toEqual(clean(report));
  });

  it("a member's pages: account, notifications, my events, live room, programme workspace, library proposals", async () => {
    const report = await audit("member@frl.test", [
      { path: "/konto" },
      { path: "/konto/powiadomienia" },
      { path: "/powiadomienia" },
      // Signed in, a city page carries the "Obserwuj" form.
      { path: "/miasta/dzierzoniow" },
      { path: "/moje-wydarzenia" },
      { path: `/wydarzenia/${live.slug}/na-zywo`, ready: (p) => p.getByText("Połączono").first().waitFor({ timeout: 20_000 }) },
      { path: `/wydarzenia/${programmeSlug}/program`, ready: (p) => p.getByTestId("agenda-sync-status").filter({ hasText: "Zsynchronizowano" }).waitFor({ timeout: 20_000 }) },
      { path: `/wydarzenia/${programmeSlug}/program/wersje` },
      { path: "/biblioteka/nowa" },
      { path: "/biblioteka/moje" },
      // A network page as a member: live discussion, its search with results, members-only materials with a badge.
      { path: "/sieci/zmiany-demograficzne?szukaj=spotkanie", ready: (p) => p.locator('section[data-live="on"]').waitFor({ timeout: 20_000 }) },
    ]);
    expect(report).toEqual(clean(report));
  });

  it("moderators' and administrators' pages: editors, live report, presenter view, admin, network management", async () => {
    const report = await audit("admin@frl.test", [
      { path: `/biblioteka/${librarySlug}/edycja` },
      { path: "/wydarzenia/nowe" },
      { path: `/wydarzenia/${live.slug}/edycja` },
      { path: `/wydarzenia/${live.slug}/na-zywo/prezenter` },
      { path: `/wydarzenia/${live.slug}/na-zywo/raport` },
      { path: "/admin/uzytkownicy" },
      { path: "/admin/dziennik" },
      { path: "/admin/import" },
      { path: "/admin/miasta" },
      { path: "/admin/wyszukiwarka" },
      { path: revisionPath },
      { path: `/ankiety/${invitations.slug}/zaproszenia` },
      { path: "/ankiety/nowa" },
      { path: "/ankiety/wczytaj" },
      { path: "/ankiety/seminaria-2020/edycja" },
      // Network staff screens (issue 14), with the person picker's and the library picker's results on show.
      { path: "/sieci/zmiany-demograficzne" },
      { path: "/admin/sieci" },
      { path: "/admin/sieci/zmiany-demograficzne?osoba=ekspert" },
      { path: "/admin/sieci/zmiany-demograficzne/spotkania" },
      { path: "/admin/sieci/zmiany-demograficzne/materialy?q=rewitalizacja" },
      { path: "/admin/sieci/zmiany-demograficzne/ustalenia" },
    ]);
    expect(report).toEqual(clean(report));
  });

  it("survey pages: the form, the results with the merge and propose forms, a city's own answers on its profile", async () => {
    // Dzierżoniów answers (with an open answer), so its profile shows the answers and the results can merge them.
    const member = await signedIn(app.url, "member");
    const resources = ["kapital-ludzki", "przedsiebiorczosc", "dziedzictwo", "przyroda", "polozenie", "tereny", "wspolpraca"];
    const answers = { udzial: "tak", tematy: ["fundusze"], uwagi: "Mieszkania dla młodych", ...Object.fromEntries(resources.map((r) => [`zasoby.${r}`, "atut"])) };
    expect((await member.post("/ankiety/seminaria-2020", { intent: "submit", version: "0", ...answers })).status).toBe(302);
    const asMember = await audit("member@frl.test", [{ path: "/ankiety" }, { path: "/ankiety/seminaria-2020" }, { path: "/miasta/dzierzoniow" }]);
    expect(asMember).toEqual(clean(asMember));
    const asStaff = await audit("admin@frl.test", [{ path: "/ankiety/seminaria-2020/wyniki" }]);
    expect(asStaff).toEqual(clean(asStaff));
  });

  it("every page links to the accessibility statement from its footer", async () => {
    const page = await browser.newPage();
    await page.goto(`${app.url}/biblioteka`);
    await page.getByRole("contentinfo").getByRole("link", { name: "Deklaracja dostępności" }).click();
    await page.waitForURL("**/deklaracja-dostepnosci");
    for (const heading of ["Stan dostępności cyfrowej", "Treści niedostępne", "Przygotowanie deklaracji dostępności", "Informacje zwrotne i dane kontaktowe", "Procedura wnioskowo-skargowa", "Dostępność architektoniczna", "Aplikacje mobilne"]) {
      await page.getByRole("heading", { level: 2, name: heading }).waitFor();
    }
    expect(await page.getByRole("link", { name: "Rzecznika Praw Obywatelskich" }).getAttribute("href")).toBe("https://bip.brpo.gov.pl/");
    await page.close();
  });
});

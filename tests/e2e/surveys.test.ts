// Issue 13 in the browser: a city answers the survey without JavaScript (plain form posts: a draft, then the answer)
// and another with it; staff read the charts (axe clean), merge open answers into a topic and propose topics to an
// upcoming event while a moderator has that event's workspace open, where they appear live with their cities; made
// into a session and published, the programme says how many cities asked for it.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../db/seed-data/accounts.js";
import { t } from "../../domain/i18n/index.js";
import { createAgendaEvent } from "../integration/agenda-fixtures.js";
import { browserLogin, seriousAxeViolations } from "./browser.js";
import { app, browser, startAppAndBrowser } from "./suite.js";


startAppAndBrowser();

const SURVEY = "/ankiety/seminaria-2020";
const RESOURCES = ["Kapitał ludzki i kompetencje mieszkańców", "Lokalna przedsiębiorczość", "Dziedzictwo kulturowe i tożsamość miejsca", "Zasoby przyrodnicze", "Położenie i dostępność komunikacyjna", "Tereny inwestycyjne", "Współpraca z uczelniami, biznesem i organizacjami"];

async function signedInPage(email: string, javaScriptEnabled = true): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled });
  const page = await context.newPage();
  page.on("pageerror", (e) => console.error(`[${email}] pageerror`, e.message));
  await browserLogin(page, app.url, email, DEMO_PASSWORD);
  return page;
}

const responseOf = (citySlug: string) =>
  app.services.db.db
    .selectFrom("surveyResponses")
    .innerJoin("surveys", "surveys.id", "surveyResponses.surveyId")
    .innerJoin("cities", "cities.id", "surveyResponses.cityId")
    .select(["surveyResponses.status", "surveyResponses.answers"])
    .where("surveys.slug", "=", "seminaria-2020")
    .where("cities.slug", "=", citySlug)
    .executeTakeFirst();

/** Answers the required questions on the survey page (radio buttons and checkboxes work the same with or without JS). */
async function answerRequired(page: Page, resource: "Atut" | "Bariera") {
  await page.getByRole("radio", { name: "Tak", exact: true }).check();
  for (const row of RESOURCES) await page.getByRole("radio", { name: `${row}: ${resource}` }).check();
}

describe("city survey in the browser", () => {
  it("Dzierżoniów answers without JavaScript: a draft first, then the answer, by plain form posts", async () => {
    const page = await signedInPage("member@frl.test", false);
    await page.goto(app.url + SURVEY);
    await page.getByText(t.surveys.answerFor("Dzierżoniów")).waitFor();
    await page.getByRole("checkbox", { name: "Fundusze europejskie 2021–2027" }).check();
    await page.getByLabel("Jakie inne tematy lub potrzeby miasta powinny znaleźć się w programie seminariów?").fill("Mieszkania na wynajem dla młodych");
    await Promise.all([page.waitForURL(/zapisano=szkic/), page.getByRole("button", { name: t.surveys.save }).click()]);
    await page.getByText(t.surveys.saved).waitFor();
    expect((await responseOf("dzierzoniow"))?.status).toBe("draft");
    // The draft comes back in the form; the required questions are answered and the answer is sent.
    expect(await page.getByRole("checkbox", { name: "Fundusze europejskie 2021–2027" }).isChecked()).toBe(true);
    await answerRequired(page, "Atut");
    await Promise.all([page.waitForURL(/zapisano=wyslano/), page.getByRole("button", { name: t.surveys.submit }).click()]);
    await page.getByText(t.surveys.submitted).waitFor();
    const stored = await responseOf("dzierzoniow");
    expect(stored?.status).toBe("submitted");
    expect(JSON.parse(stored!.answers)).toMatchObject({ udzial: "tak", tematy: ["fundusze"], uwagi: "Mieszkania na wynajem dla młodych" });
    await page.context().close();

    // axe runs as a script, so the pages are checked again in a browser with JavaScript; the city's profile shows
    // its own answers back to it, readable.
    const withJs = await signedInPage("member@frl.test");
    await withJs.goto(app.url + SURVEY);
    await withJs.getByText(t.surveys.status.submitted("Maria Członkini", "").slice(0, 30)).waitFor();
    expect(await seriousAxeViolations(withJs)).toEqual([]);
    await withJs.goto(`${app.url}/miasta/dzierzoniow`);
    const own = withJs.getByRole("region", { name: t.surveys.cityProfile.title });
    await own.getByRole("row", { name: "Tereny inwestycyjne Atut" }).waitFor();
    await own.getByText("Mieszkania na wynajem dla młodych").waitFor();
    expect(await seriousAxeViolations(withJs)).toEqual([]);
    await withJs.context().close();
  });

  it("Kalisz answers with JavaScript; a missing answer is pointed out before anything is stored", async () => {
    const page = await signedInPage("kalisz@frl.test");
    await page.goto(app.url + SURVEY);
    await page.getByRole("checkbox", { name: "Fundusze europejskie 2021–2027" }).check();
    await page.getByRole("checkbox", { name: "Zarządzanie danymi i usługi cyfrowe dla mieszkańców" }).check();
    await page.getByLabel("Jakie inne tematy lub potrzeby miasta powinny znaleźć się w programie seminariów?").fill("Najem instytucjonalny i mieszkania komunalne");
    await page.getByRole("button", { name: t.surveys.submit }).click();
    await page.getByRole("alert").filter({ hasText: t.surveys.errors.fixBelow }).waitFor();
    expect(await responseOf("kalisz")).toBeUndefined();
    await answerRequired(page, "Bariera");
    await page.getByRole("button", { name: t.surveys.submit }).click();
    await page.getByText(t.surveys.submitted).waitFor();
    expect((await responseOf("kalisz"))?.status).toBe("submitted");
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it("staff read the charts, merge open answers, and propose topics that appear live, with their cities, in an open workspace", async () => {
    const eventId = await createAgendaEvent(app.services.db, 20);
    const event = (await app.services.events.byId(eventId))!;

    // A moderator has the event's workspace open.
    const workspace = await signedInPage("moderator@frl.test");
    await workspace.goto(`${app.url}/wydarzenia/${event.slug}/program`);
    await workspace.getByTestId("agenda-sync-status").filter({ hasText: "Zsynchronizowano" }).waitFor({ timeout: 20_000 });

    const staff = await signedInPage("admin@frl.test");
    await staff.goto(`${app.url}${SURVEY}/wyniki`);
    // A chart per question, each with its table for screen readers.
    await staff.getByRole("img", { name: t.surveys.results.chartOf("Które tematy seminariów byłyby dla miasta najbardziej przydatne? (można wskazać kilka)") }).waitFor();
    expect(await staff.getByRole("img", { name: /^Wykres:/ }).count()).toBeGreaterThanOrEqual(5);
    await staff.getByRole("table", { name: t.surveys.results.tableOf("Jaka forma seminariów najbardziej Państwu odpowiada?") }).waitFor();
    expect(await seriousAxeViolations(staff)).toEqual([]);

    // Two open answers about housing become one topic backed by both cities.
    const merge = staff.getByRole("region", { name: t.surveys.merge.title });
    await merge.getByRole("checkbox", { name: /Dzierżoniów: Mieszkania na wynajem/ }).check();
    await merge.getByRole("checkbox", { name: /Kalisz: Najem instytucjonalny/ }).check();
    await merge.getByLabel(t.surveys.merge.label).fill("Mieszkania dla młodych");
    await merge.getByLabel(t.surveys.merge.area).selectOption("nieruchomosci");
    await merge.getByRole("button", { name: t.surveys.merge.submit }).click();
    await staff.getByRole("status").filter({ hasText: t.surveys.merge.done("Mieszkania dla młodych", 2) }).waitFor();

    // Propose an option and the merged topic to the event.
    const propose = staff.getByRole("region", { name: t.surveys.propose.title });
    await propose.getByLabel(t.surveys.propose.event).selectOption(event.slug);
    await propose.getByRole("checkbox", { name: /^Fundusze europejskie 2021–2027/ }).check();
    await propose.getByRole("checkbox", { name: /^Mieszkania dla młodych/ }).check();
    await propose.getByRole("button", { name: t.surveys.propose.submit }).click();
    await staff.getByRole("status").filter({ hasText: "Dodano propozycje: 2." }).waitFor();
    expect(await seriousAxeViolations(staff)).toEqual([]);

    // The open workspace receives both, live, with the cities that asked for them.
    const housing = workspace.locator(".agenda-proposal", { hasText: "Mieszkania dla młodych" });
    await housing.getByText("Zgłoszone w ankiecie przez: Dzierżoniów i Kalisz").waitFor();
    const funds = workspace.locator(".agenda-proposal", { hasText: "Fundusze europejskie 2021–2027" });
    await funds.getByText(/^Zgłoszone w ankiecie przez: [^,]+, [^,]+ i \d+ (inne|innych)$/).waitFor();
    expect(await seriousAxeViolations(workspace)).toEqual([]);

    // Proposing again adds nothing.
    await propose.getByLabel(t.surveys.propose.event).selectOption(event.slug);
    await propose.getByRole("checkbox", { name: /^Mieszkania dla młodych/ }).check();
    await propose.getByRole("button", { name: t.surveys.propose.submit }).click();
    // (Fundusze is still ticked from the first submission: it counts as already proposed too.)
    await staff.getByRole("status").filter({ hasText: /^Dodano propozycje: 0\. Już wcześniej zgłoszone: 2\.$/ }).waitFor();
    await workspace.waitForTimeout(300);
    expect(await workspace.locator(".agenda-proposal", { hasText: "Mieszkania dla młodych" }).count()).toBe(1);

    // Made into a session, the topic keeps its cities; published, the programme says how many asked for it.
    await housing.getByRole("button", { name: /Przenieś do programu\s*: Mieszkania dla młodych/ }).click();
    const session = workspace.locator(".agenda-session", { hasText: "Mieszkania dla młodych" });
    await session.getByText(t.agenda.published.askedBy(2), { exact: false }).waitFor();
    await workspace.getByRole("button", { name: "Opublikuj program" }).click();
    await workspace.getByRole("status").filter({ hasText: "Opublikowano wersję 1." }).waitFor();

    const visitor = await (await browser.newContext()).newPage();
    await visitor.goto(`${app.url}/wydarzenia/${event.slug}`);
    const programme = visitor.getByRole("region", { name: "Program" });
    await programme.getByText(t.agenda.published.askedBy(2)).waitFor();
    expect(t.agenda.published.askedBy(2)).toBe("Temat zgłosiły 2 miasta");
    expect(await seriousAxeViolations(visitor)).toEqual([]);
    await Promise.all([workspace.context().close(), staff.context().close(), visitor.context().close()]);
  });
});

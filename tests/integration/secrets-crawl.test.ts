import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashToken, randomToken } from "../../server/auth/tokens.js";
import { buildPath } from "../../server/http/remix-build.js";
import { seedAccounts } from "../../db/seed-data/accounts.js";
import { setCityCoordinator } from "../../db/repositories/city-claims.js";
import { notificationKinds } from "../../domain/notification-kinds.js";
import { buildEventForm } from "../factories/events.js";
import { buildMemberClient } from "../factories/users.js";
import { dialects } from "../setup/dialects.js";
import { signedIn, TestClient } from "../setup/http-client.js";
import { readMail } from "../setup/mail.js";
import { startTestServer, type TestServer } from "../setup/test-server.js";
import { createPerson } from "./access-support.js";
import { surveyWithSignupLink } from "./survey-invitation-support.js";

// Visits every GET route of the Remix build as every kind of person, as a page and as page data (?_data=<routeId>),
// and looks for what must never reach them: password hashes, session, reset, calendar-feed, survey sign-up and
// unsubscribe tokens (no page shows one, not even to its owner: they travel in mail or in the one answer that made
// them), other people's e-mails outside the pages that list them, and webinar join links outside the pages of
// people let into the webinar. Besides the roles, a city's coordinator and a person whose city claim is pending.

type Who = "anonymous" | "member" | "participant" | "claimant" | "coordinator" | "moderator" | "admin";
const roles: Who[] = ["anonymous", "member", "participant", "claimant", "coordinator", "moderator", "admin"];
type Route = { id: string; path: string; hasLoader: boolean };

/** Every route with a path, its full URL pattern built from the route manifest of the build. */
async function buildRoutes(): Promise<Route[]> {
  const build = (await import(pathToFileURL(buildPath()).href)) as ServerBuild;
  const full = (id: string): string => {
    const r = build.routes[id]!;
    const parent = r.parentId ? full(r.parentId) : "";
    return [parent, r.path ?? ""].filter(Boolean).join("/");
  };
  return Object.values(build.routes)
    .filter((r) => r.id !== "root")
    .map((r) => ({ id: r.id, path: "/" + full(r.id), hasLoader: typeof r.module.loader === "function" }))
    .filter((r) => r.hasLoader);
}

describe.each(await dialects())("secrets crawl on %s", (dialect) => {
  let app: TestServer;
  let clients: Record<Who, TestClient>;
  let emails: Record<Who, string | null>;
  let eventSlug: string;
  let joinUrl: string;
  let routes: Route[];
  let params: Record<string, string>;
  let surveySlug: string;
  // Whose claims a Kalisz coordinator reviews (their queue lists these people's e-mails).
  let kaliszClaimEmails: Set<string>;
  const secrets: { label: string; value: string }[] = [];
  // People the crawl meets who are none of the visitors (their e-mails must stay hidden too).
  const extraEmails: string[] = [];

  beforeAll(async () => {
    app = await startTestServer({ dialect });
    routes = await buildRoutes();
    const moderator = await signedIn(app.url, "moderator");
    joinUrl = `https://spotkania.zmp.poznan.pl/frl/crawl-${randomToken().slice(0, 12)}`;
    await moderator.get("/wydarzenia/nowe");
    const created = await moderator.post("/wydarzenia/nowe", buildEventForm({ joinUrl }));
    expect(created.status).toBe(302);
    eventSlug = new URL(created.headers.get("location")!, app.url).pathname.split("/").pop()!;
    const participant = await buildMemberClient(app);
    expect((await participant.client.post(`/wydarzenia/${eventSlug}`, { intent: "register" })).status).toBe(200);
    // A verified Kalisz representative made the city's coordinator, and two people whose claims wait: one for Kalisz
    // (the coordinator's queue shows them), one for Dzierżoniów (it must not).
    const coordinator = await createPerson(app, "member", "kalisz");
    await setCityCoordinator(app.services.db.db, coordinator.userId, true);
    const claimant = await registerClaimant(app, "kalisz");
    const elsewhere = await registerClaimant(app, "dzierzoniow");
    clients = {
      anonymous: new TestClient(app.url),
      member: await signedIn(app.url, "member"),
      participant: participant.client,
      claimant: claimant.client,
      coordinator: await coordinator.client(app.url),
      moderator,
      admin: await signedIn(app.url, "admin"),
    };
    emails = {
      anonymous: null,
      member: "member@frl.test",
      participant: participant.email,
      claimant: claimant.email,
      coordinator: coordinator.email,
      moderator: "moderator@frl.test",
      admin: "admin@frl.test",
    };
    extraEmails.push(elsewhere.email);
    const db = app.services.db.db;
    const kalisz = await db.selectFrom("cities").select("id").where("slug", "=", "kalisz").executeTakeFirstOrThrow();
    kaliszClaimEmails = new Set(
      (await db.selectFrom("cityClaims").innerJoin("users", "users.id", "cityClaims.userId").select("users.email").where("cityClaims.cityId", "=", kalisz.id).execute()).map((r) => r.email),
    );
    expect(kaliszClaimEmails).toContain(claimant.email);
    expect(kaliszClaimEmails).not.toContain(elsewhere.email);

    for (const who of roles) {
      const token = clients[who].cookie("frl_session");
      if (token) secrets.push({ label: `session token of ${who}`, value: token }, { label: `session id of ${who}`, value: hashToken(token) });
      // Everyone signed in makes a personal calendar feed; the page that made it showed it once, nothing shows it again.
      if (token) {
        await clients[who].get("/konto");
        const made = await (await clients[who].post("/konto", { intent: "calendar" })).text();
        const feed = /\/kalendarz\/([A-Za-z0-9_-]{43})\.ics/.exec(made);
        expect(feed, `a calendar feed for ${who}`).not.toBeNull();
        secrets.push({ label: `calendar token of ${who}`, value: feed![1] }, { label: `calendar token hash of ${who}`, value: hashToken(feed![1]) });
        const userId = (await db.selectFrom("users").select("id").where("email", "=", emails[who]!).executeTakeFirstOrThrow()).id;
        for (const kind of [...Object.keys(notificationKinds), "digest"]) {
          const unsubscribe = new URL(app.services.notifications.unsubscribeUrl(userId, kind)).searchParams.get("token")!;
          secrets.push({ label: `unsubscribe token of ${who} (${kind})`, value: unsubscribe });
        }
      }
    }
    // A city's personal survey sign-up link, as mailed to its contact address.
    const survey = await surveyWithSignupLink(app);
    surveySlug = survey.slug;
    const signupToken = new URL(survey.signupPath, app.url).searchParams.get("token")!;
    secrets.push({ label: "survey sign-up token", value: signupToken }, { label: "survey sign-up token hash", value: hashToken(signupToken) });
    // A live password-reset token, as mailed to the member.
    const anon = new TestClient(app.url);
    await anon.get("/haslo/reset");
    await anon.post("/haslo/reset", { email: "member@frl.test" });
    const mail = readMail(app.dataDir).find((m) => m.to === "member@frl.test" && /token=/.test(m.text));
    expect(mail, "a reset mail was sent").toBeDefined();
    const resetToken = decodeURIComponent(/token=([^\s&]+)/.exec(mail!.text)![1]);
    secrets.push({ label: "reset token", value: resetToken }, { label: "reset token hash", value: hashToken(resetToken) });

    const item = await db.selectFrom("libraryItems").select(["id", "slug"]).where("status", "=", "published").orderBy("id").executeTakeFirstOrThrow();
    const revision = await db.selectFrom("libraryRevisions").select("id").orderBy("id").executeTakeFirst();
    const attachment = await db.selectFrom("libraryAttachments").select("id").orderBy("id").executeTakeFirst();
    params = {
      event: eventSlug,
      library: item.slug,
      city: "dzierzoniow",
      revisionId: String(revision?.id ?? 1),
      id: String(attachment?.id ?? 1),
      ref: "v1",
      token: randomToken(),
    };
  }, 120_000);
  afterAll(async () => app?.stop());

  function fill(path: string): string {
    return path
      .replace(/^\/wydarzenia\/:slug/, `/wydarzenia/${params.event}`)
      .replace(/^\/biblioteka\/:slug/, `/biblioteka/${params.library}`)
      .replace(/^\/api\/library\/:slug/, `/api/library/${params.library}`)
      .replace(/^\/miasta\/:slug/, `/miasta/${params.city}`)
      .replace(/^\/(api\/)?ankiety\/:slug/, (_, api: string | undefined) => `/${api ?? ""}ankiety/${surveySlug}`)
      .replace(/:(\w+)/g, (_, name: string) => params[name] ?? "x");
  }

  it("finds the routes to visit in the build", () => {
    const ids = routes.map((r) => r.id);
    expect(ids).toContain("routes/wydarzenia.$slug");
    expect(ids).toContain("routes/admin.uzytkownicy");
    expect(routes.every((r) => !r.path.includes(":") || fill(r.path) !== r.path)).toBe(true);
  });

  it("never answers 500 and never hands out a secret, an e-mail or a join link where it does not belong", async () => {
    const people = [...seedAccounts.map((a) => a.email), ...roles.map((who) => emails[who]).filter((e): e is string => e !== null), ...extraEmails];
    const otherEmails = (who: Who) => [...new Set(people)].filter((e) => e !== emails[who]);
    const problems: string[] = [];
    const extra = ["/szukaj?q=webinarium", "/api/search?q=webinarium", "/wydarzenia?when=all"];
    for (const who of roles) {
      const visits = [
        ...routes.flatMap((r) => {
          const url = fill(r.path);
          return [{ url, route: r }, { url: `${url}${url.includes("?") ? "&" : "?"}_data=${encodeURIComponent(r.id)}`, route: r }];
        }),
        ...extra.map((url) => ({ url, route: null })),
      ];
      for (const { url } of visits) {
        const res = await clients[who].request(url);
        const body = await res.text();
        const where = `${who} ${url} (${res.status})`;
        if (res.status >= 500) problems.push(`${where}: server error`);
        if (/passwordHash|password_hash|scrypt\$\d/.test(body)) problems.push(`${where}: password hash`);
        for (const s of secrets) if (body.includes(s.value)) problems.push(`${where}: ${s.label}`);
        const onEventPages = url.startsWith(`/wydarzenia/${eventSlug}`);
        // Staff see participants' e-mails on the event page (and its children carry that page's data); admins the user
        // admin; a coordinator the people who claim their city, in the review queue.
        const listed = (e: string) =>
          (["moderator", "admin"].includes(who) && onEventPages) ||
          (who === "admin" && url.startsWith("/admin/")) ||
          (who === "coordinator" && url.startsWith("/admin/miasta-zgloszenia") && kaliszClaimEmails.has(e));
        for (const e of otherEmails(who)) if (!listed(e) && body.includes(e)) problems.push(`${where}: e-mail ${e}`);
        const letIn = ["participant", "moderator", "admin"].includes(who) && onEventPages;
        if (!letIn && body.includes(joinUrl)) problems.push(`${where}: join link`);
      }
    }
    expect(problems).toEqual([]);
  }, 300_000);
});

/** Registers someone stating a city (a pending claim) and signs them in. */
async function registerClaimant(app: TestServer, citySlug: string): Promise<{ client: TestClient; email: string }> {
  const city = await app.services.db.db.selectFrom("cities").select("id").where("slug", "=", citySlug).executeTakeFirstOrThrow();
  const email = `zgloszenie-${citySlug}-${process.pid}-${Math.random().toString(36).slice(2, 8)}@example.pl`;
  const { userId } = await app.services.auth.register(
    { name: `Zgłaszający ${citySlug}`, email, password: "Prosna-rower-Kalisz-2026", affiliation: "city", cityId: city.id, position: "Urząd Miasta" },
    { ip: "127.0.0.1", baseUrl: app.url },
  );
  if (userId === null) throw new Error(`${email} is already registered`);
  const client = new TestClient(app.url);
  client.setCookie("frl_session", await app.services.auth.startSession(userId, "vitest"));
  await client.get("/konto");
  return { client, email };
}

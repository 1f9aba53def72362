import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashToken, randomToken } from "../../server/auth/tokens.js";
import { buildPath } from "../../server/http/remix-build.js";
import { seedAccounts } from "../../db/seed-data/accounts.js";
import { buildEventForm } from "../factories/events.js";
import { buildMemberClient } from "../factories/users.js";
import { dialects } from "../setup/dialects.js";
import { signedIn, TestClient } from "../setup/http-client.js";
import { readMail } from "../setup/mail.js";
import { startTestServer, type TestServer } from "../setup/test-server.js";

// Visits every GET route of the Remix build as every kind of person, as a page and as page data (?_data=<routeId>),
// and looks for what must never reach them: password hashes, session and reset tokens, other people's e-mails
// outside the pages that list them, and webinar join links outside the pages of people let into the webinar.

type Who = "anonymous" | "member" | "participant" | "moderator" | "admin";
const roles: Who[] = ["anonymous", "member", "participant", "moderator", "admin"];
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
  const secrets: { label: string; value: string }[] = [];

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
    clients = {
      anonymous: new TestClient(app.url),
      member: await signedIn(app.url, "member"),
      participant: participant.client,
      moderator,
      admin: await signedIn(app.url, "admin"),
    };
    emails = { anonymous: null, member: "member@frl.test", participant: participant.email, moderator: "moderator@frl.test", admin: "admin@frl.test" };
    for (const who of roles) {
      const token = clients[who].cookie("frl_session");
      if (token) secrets.push({ label: `session token of ${who}`, value: token }, { label: `session id of ${who}`, value: hashToken(token) });
    }
    // A live password-reset token, as mailed to the member.
    const anon = new TestClient(app.url);
    await anon.get("/haslo/reset");
    await anon.post("/haslo/reset", { email: "member@frl.test" });
    const mail = readMail(app.dataDir).find((m) => m.to === "member@frl.test" && /token=/.test(m.text));
    expect(mail, "a reset mail was sent").toBeDefined();
    const resetToken = decodeURIComponent(/token=([^\s&]+)/.exec(mail!.text)![1]);
    secrets.push({ label: "reset token", value: resetToken }, { label: "reset token hash", value: hashToken(resetToken) });

    const db = app.services.db.db;
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
      .replace(/:(\w+)/g, (_, name: string) => params[name] ?? "x");
  }

  it("finds the routes to visit in the build", () => {
    const ids = routes.map((r) => r.id);
    expect(ids).toContain("routes/wydarzenia.$slug");
    expect(ids).toContain("routes/admin.uzytkownicy");
    expect(routes.every((r) => !r.path.includes(":") || fill(r.path) !== r.path)).toBe(true);
  });

  it("never answers 500 and never hands out a secret, an e-mail or a join link where it does not belong", async () => {
    const otherEmails = (who: Who) => [...seedAccounts.map((a) => a.email), emails.participant!].filter((e) => e !== emails[who]);
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
        // Staff see participants' e-mails on the event page (and its children carry that page's data); admins the user admin.
        const emailsListed = (["moderator", "admin"].includes(who) && onEventPages) || (who === "admin" && url.startsWith("/admin/"));
        if (!emailsListed) for (const e of otherEmails(who)) if (body.includes(e)) problems.push(`${where}: e-mail ${e}`);
        const letIn = ["participant", "moderator", "admin"].includes(who) && onEventPages;
        if (!letIn && body.includes(joinUrl)) problems.push(`${where}: join link`);
      }
    }
    expect(problems).toEqual([]);
  }, 300_000);
});

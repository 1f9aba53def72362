// HTTP-level security findings (issue 10): link poisoning through Host, open redirects, login limit races, request
// body limits, password strength, account enumeration at registration, reset-token reuse, security headers. Everything
// that stores or counts runs on SQLite and PostgreSQL.
import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findUserByEmail } from "../../db/repositories/users.js";
import { DEMO_PASSWORD } from "../../db/seed-data/accounts.js";
import { readMail } from "../setup/mail.js";
import { dialects } from "../setup/dialects.js";
import { startTestServer, type TestServer } from "../setup/test-server.js";
import { TestClient } from "../setup/http-client.js";
import { redisUnavailableReason, TEST_REDIS_URL } from "../setup/redis.js";
import { createPerson } from "./access-support.js";

type Raw = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

/** A request with headers fetch will not send (Host) or a body streamed in chunks without Content-Length. */
function raw(base: string, path: string, opts: { method?: string; headers?: Record<string, string>; body?: string | Buffer[] } = {}): Promise<Raw> {
  const url = new URL(path, base);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, path: url.pathname + url.search, method: opts.method ?? "GET", headers: opts.headers }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    // The server may close the connection while the rest of an oversized body is still being sent.
    req.on("error", (error) => reject(error));
    if (Array.isArray(opts.body)) {
      for (const chunk of opts.body) req.write(chunk);
      req.end();
    } else req.end(opts.body);
  });
}

/** Form fields as a browser would post them, with this client's cookies and CSRF token. */
function formBody(client: TestClient, fields: Record<string, string>): string {
  return new URLSearchParams({ ...fields, _csrf: client.csrf }).toString();
}

async function readyClient(app: TestServer): Promise<TestClient> {
  const c = new TestClient(app.url);
  await c.get("/login");
  return c;
}

const newAccount = (email: string, password = "zielony-rower-nad-warta") => ({ name: "Anna Testowa", email, password, affiliation: "expert", cityId: "", position: "" });

describe.each(await dialects())("HTTP security (%s)", (dialect) => {
  let app: TestServer;
  beforeAll(async () => {
    app = await startTestServer({ dialect, env: { TRUST_PROXY: "1" } });
  });
  afterAll(async () => app?.stop());

  describe("links in mail come from the configured address, not from the request", () => {
    it("a reset requested with Host: evil.example mails a link to this site", async () => {
      const c = await readyClient(app);
      const res = await raw(app.url, "/haslo/reset", {
        method: "POST",
        headers: { host: "evil.example", cookie: c.cookieHeader(), "content-type": "application/x-www-form-urlencoded", "x-forwarded-host": "evil.example" },
        body: formBody(c, { email: "member@frl.test" }),
      });
      expect(res.status).toBe(200);
      const mail = readMail(app.dataDir).filter((m) => m.to === "member@frl.test").at(-1)!;
      const link = new URL(/https?:\/\/\S+/.exec(mail.text)![0]);
      expect(link.host).not.toContain("evil.example");
      expect(link.port).toBe(new URL(app.url).port);
      expect(link.pathname).toBe("/haslo/nowe");
    });
  });

  describe("return path after login", () => {
    it.each(["/%09/evil.example/x", "//evil.example", "/%5Cevil.example", "https://evil.example", "%2F%2Fevil.example", "/%0A/evil.example"])(
      "never sends a signed-in person off-site for next=%s",
      async (next) => {
        const c = new TestClient(app.url);
        await c.login("member@frl.test");
        const res = await c.get(`/login?next=${encodeURIComponent(next)}`);
        expect(res.status).toBe(302);
        expect(res.headers.get("location")).toBe("/");
      },
    );

    it("/login?next=/%0A/evil (a real newline in next): the redirect after login stays on this site, signed in or not", async () => {
      const sameSite = (location: string | null) => {
        expect(location).toMatch(/^\/(?![/\\])/);
        expect(new URL(location!, app.url).origin).toBe(new URL(app.url).origin);
      };
      // Signing in through the form the link opens: the form carries next, the POST's redirect is checked.
      const c = new TestClient(app.url);
      const page = await c.html("/login?next=/%0A/evil");
      expect(page.status).toBe(200);
      const carried = /name="next" value="([^"]*)"/.exec(page.html)![1].replace(/&#x2F;|&#47;/g, "/").replace(/&amp;/g, "&");
      const res = await c.post("/login", { email: "member@frl.test", password: DEMO_PASSWORD, next: carried });
      expect(res.status).toBe(302);
      sameSite(res.headers.get("location"));
      expect(res.headers.get("location")).toBe("/");
      // Already signed in, the same link redirects at once.
      const again = await c.get("/login?next=/%0A/evil");
      expect(again.status).toBe(302);
      sameSite(again.headers.get("location"));
      expect(again.headers.get("location")).toBe("/");
    });

    it("the login form itself refuses /<tab>/evil.example and still honours a same-site path", async () => {
      const c = await readyClient(app);
      const evil = await c.post("/login", { email: "member@frl.test", password: DEMO_PASSWORD, next: "/\t/evil.example/x" });
      expect(evil.headers.get("location")).toBe("/");
      const d = await readyClient(app);
      const ok = await d.post("/login", { email: "member@frl.test", password: DEMO_PASSWORD, next: "/wydarzenia" });
      expect(ok.headers.get("location")).toBe("/wydarzenia");
    });
  });

  describe("request bodies", () => {
    it("refuses a form over 1 MB with 413 and a Polish message, and stores nothing", async () => {
      const c = await readyClient(app);
      const body = formBody(c, { ...newAccount("duzy@example.pl"), position: "x".repeat(1_200_000) });
      const res = await raw(app.url, "/register", {
        method: "POST",
        headers: { cookie: c.cookieHeader(), "content-type": "application/x-www-form-urlencoded", "content-length": String(Buffer.byteLength(body)) },
        body,
      });
      expect(res.status).toBe(413);
      expect(res.body).toContain("Przesłany formularz jest za duży (limit: 1 MB)");
      expect(await findUserByEmail(app.services.db.db, "duzy@example.pl")).toBeUndefined();
    });

    it("counts a body sent without Content-Length while it streams and refuses it at the limit", async () => {
      const c = await readyClient(app);
      // The account fields come first, so a reader that stopped at the limit would see a complete-looking form.
      const head = formBody(c, newAccount("strumien@example.pl")) + "&position=";
      const chunks = [Buffer.from(head), ...Array.from({ length: 24 }, () => Buffer.alloc(64 * 1024, "y"))];
      const res = await raw(app.url, "/register", { method: "POST", headers: { cookie: c.cookieHeader(), "content-type": "application/x-www-form-urlencoded", "transfer-encoding": "chunked" }, body: chunks });
      expect(res.status).toBe(413);
      expect(res.body).toContain("limit: 1 MB");
      expect(await findUserByEmail(app.services.db.db, "strumien@example.pl")).toBeUndefined();
    });

    it("refuses a post from a browser that never loaded a page of ours before reading its body", async () => {
      const res = await raw(app.url, "/login", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", "content-length": String(50 * 1024 * 1024) },
        body: "email=a",
      });
      expect(res.status).toBe(403);
      expect(res.body).toContain("Formularz wygasł");
    });

    it("refuses an upload over the documented 25 MB with 413", async () => {
      const c = await signedInAdmin(app);
      const res = await raw(app.url, "/admin/import", {
        method: "POST",
        headers: { cookie: c.cookieHeader(), "content-type": "multipart/form-data; boundary=x", "content-length": String(26 * 1024 * 1024) },
        body: "--x--",
      });
      expect(res.status).toBe(413);
      expect(res.body).toContain("limit: 25 MB");
    });
  });

  describe("passwords and registration", () => {
    it("refuses a common password of 12 characters with Polish advice, and one under 12 characters", async () => {
      const c = await readyClient(app);
      const weak = await c.post("/register", newAccount("slabe@example.pl", "password1234"));
      expect(weak.status).toBe(400);
      const html = await weak.text();
      expect(html).toContain("To hasło łatwo odgadnąć.");
      expect(html).toContain("podobne do często używanego hasła");
      const short = await c.post("/register", newAccount("slabe@example.pl", "Kot-Mruczek"));
      expect(short.status).toBe(400);
      expect(await short.text()).toContain("co najmniej 12 znaków");
      expect(await findUserByEmail(app.services.db.db, "slabe@example.pl")).toBeUndefined();
    });

    it("answers the same for a new and an existing address; the existing owner gets a mail, nothing about the account changes", async () => {
      const fresh = await readyClient(app);
      const created = await fresh.post("/register", newAccount("nowa-osoba@example.pl"));
      const taken = await readyClient(app);
      const existing = await taken.post("/register", { ...newAccount("MEMBER@frl.test"), name: "Podszywacz" });
      for (const res of [created, existing]) {
        expect(res.status).toBe(302);
        expect(res.headers.get("location")).toBe("/login?rejestracja=1");
        expect(res.headers.getSetCookie().some((v) => v.startsWith("frl_session="))).toBe(false);
      }
      expect((await taken.html("/login?rejestracja=1")).html).toContain("Sprawdź skrzynkę e-mail");
      const toOwner = readMail(app.dataDir).filter((m) => m.to === "member@frl.test").at(-1)!;
      expect(toOwner.subject).toContain("próba założenia konta");
      expect(readMail(app.dataDir).some((m) => m.to === "nowa-osoba@example.pl" && m.subject.includes("konto zostało założone"))).toBe(true);
      expect((await findUserByEmail(app.services.db.db, "member@frl.test"))?.name).not.toBe("Podszywacz");
      await new TestClient(app.url).login("member@frl.test");
      await new TestClient(app.url).login("nowa-osoba@example.pl", "zielony-rower-nad-warta");
    });

    it("a newer reset link makes the older one stop working", async () => {
      const anon = await readyClient(app);
      const links: URL[] = [];
      for (let i = 0; i < 2; i++) {
        await anon.post("/haslo/reset", { email: "moderator@frl.test" });
        links.push(new URL(/https?:\/\/\S+/.exec(readMail(app.dataDir).filter((m) => m.to === "moderator@frl.test").at(-1)!.text)![0]));
      }
      const [older, newer] = links;
      expect(older.search).not.toBe(newer.search);
      expect((await anon.html(older.pathname + older.search)).html).toContain("Link jest nieprawidłowy");
      const stale = await anon.post("/haslo/nowe", { token: older.searchParams.get("token")!, newPassword: "zielony-rower-nad-warta" });
      expect(stale.status).toBe(400);
      const ok = await anon.post("/haslo/nowe", { token: newer.searchParams.get("token")!, newPassword: "zielony-rower-nad-warta" });
      expect(await ok.text()).toContain("Hasło zostało ustawione.");
    });
  });

  describe("security headers", () => {
    it("limits images and connections to this site; no HSTS outside production", async () => {
      const res = await new TestClient(app.url).get("/");
      const csp = res.headers.get("content-security-policy")!;
      const directive = (name: string) => csp.split(";").map((d) => d.trim()).find((d) => d.startsWith(`${name} `))!.split(" ").slice(1);
      expect(directive("img-src")).toEqual(["'self'", "data:"]);
      for (const source of directive("connect-src")) expect(source).toMatch(/^('self'|wss?:\/\/(localhost|127\.0\.0\.1):\d+)$/);
      expect(res.headers.get("strict-transport-security")).toBeNull();
    });
  });
});

async function signedInAdmin(app: TestServer): Promise<TestClient> {
  const c = new TestClient(app.url);
  await c.login("admin@frl.test");
  return c;
}

describe("production: one public address", () => {
  let app: TestServer;
  beforeAll(async () => {
    app = await startTestServer({ env: { NODE_ENV: "production", PUBLIC_URL: "https://frl.example.pl", SEARCH_THREADS: "0", STREAM_HOSTS: "https://stream.example.pl" } });
  });
  afterAll(async () => app?.stop());

  it("refuses a request addressed to another host with 421 and a Polish message", async () => {
    const res = await raw(app.url, "/haslo/reset", { headers: { host: "evil.example" } });
    expect(res.status).toBe(421);
    expect(res.body).toContain("Ten serwer nie obsługuje tego adresu");
    expect((await raw(app.url, "/healthz", { headers: { host: "10.0.0.7:3000" } })).status).toBe(200);
  });

  it("serves its public host with HSTS and lets images and fetches reach only itself and the configured stream host", async () => {
    const res = await raw(app.url, "/", { headers: { host: "frl.example.pl" } });
    expect(res.status).toBe(200);
    expect(res.headers["strict-transport-security"]).toMatch(/max-age=\d{8,}/);
    const csp = String(res.headers["content-security-policy"]);
    expect(csp).toContain("img-src 'self' data: https://stream.example.pl;");
    expect(csp).toContain("connect-src 'self' wss://frl.example.pl https://stream.example.pl;");
  });
});

const counters = [
  ["in memory", async () => ({})],
  [
    "in Redis",
    async () => {
      const reason = await redisUnavailableReason();
      return reason ? null : { REDIS_URL: TEST_REDIS_URL };
    },
  ],
] as const;

describe.each((await dialects()).flatMap((dialect) => counters.map(([label, envFor]) => [label, dialect, envFor] as const)))("login limits with counters %s (%s)", (_label, dialect, envFor) => {
  let app: TestServer | undefined;
  beforeAll(async () => {
    const env = await envFor();
    if (env) app = await startTestServer({ dialect, env: { ...env, TRUST_PROXY: "1" } });
  });
  afterAll(async () => app?.stop());

  const post = (c: TestClient, fields: Record<string, string>, ip: string) =>
    c.request("/login", { method: "POST", body: formBody(c, fields), headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": ip } });

  it("twelve parallel wrong passwords: at most five are checked, the rest get 429 with Retry-After", async (ctx) => {
    if (!app) return ctx.skip();
    const c = await readyClient(app);
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => post(c, { email: "ekspert@frl.test", password: `zle-haslo-${i}` }, "203.0.113.7")));
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(7);
    const limited = answers.find((r) => r.status === 429)!;
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("failures from one address do not lock the owner out from another", async (ctx) => {
    if (!app) return ctx.skip();
    const attacker = await readyClient(app);
    for (let i = 0; i < 8; i++) await post(attacker, { email: "moderator@frl.test", password: `zgadywanie-${i}` }, "203.0.113.9");
    expect((await post(attacker, { email: "moderator@frl.test", password: DEMO_PASSWORD }, "203.0.113.9")).status).toBe(429);
    const owner = await readyClient(app);
    const res = await post(owner, { email: "moderator@frl.test", password: DEMO_PASSWORD }, "198.51.100.2");
    expect(res.status).toBe(302);
  });

  it("more than ten failures from many addresses slow the account down without locking it: the owner still gets in", async (ctx) => {
    if (!app) return ctx.skip();
    const person = await createPerson(app, "member");
    // Sixteen failures, two from each of eight addresses: no address and no address-account pair reaches its limit.
    const attackers = await Promise.all(Array.from({ length: 8 }, () => readyClient(app!)));
    const failed = await Promise.all(attackers.flatMap((c, i) => [0, 1].map((j) => post(c, { email: person.email, password: `zgadywanie-${i}-${j}` }, `203.0.113.${50 + i}`))));
    expect(failed.map((r) => r.status)).toEqual(Array(16).fill(401));

    // Six failures over ten: every answer for this account now waits 6 x 0.5 s, whoever asks and from wherever.
    const timed = async (c: TestClient, password: string, ip: string, email = person.email) => {
      const started = Date.now();
      const res = await post(c, { email, password }, ip);
      return { status: res.status, retryAfter: res.headers.get("retry-after"), ms: Date.now() - started };
    };
    const [owner, attacker] = await Promise.all([timed(await readyClient(app), "haslo-osoby-testowej-1", "198.51.100.20"), timed(await readyClient(app), "zgadywanie-dalej", "203.0.113.99")]);
    expect(owner).toMatchObject({ status: 302, retryAfter: null });
    expect(owner.ms).toBeGreaterThanOrEqual(2900);
    expect(attacker).toMatchObject({ status: 401, retryAfter: null });
    expect(attacker.ms).toBeGreaterThanOrEqual(2900);
    // Another account answers at once.
    expect((await timed(await readyClient(app), "zle-haslo-obok", "198.51.100.21", "admin@frl.test")).ms).toBeLessThan(2900);
  });
});

// No 500 for bad input: every route of the Remix build gets broken percent-encoding, odd query values, unknown methods
// and bodies that are not HTML forms (JSON, text/plain, cut-off multipart) with a valid CSRF token, signed in as an
// administrator so that actions really run. Each answer must be below 500 and, when it refuses, say why in Polish
// without a stack trace.
import { request as httpRequest } from "node:http";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agendaRoots, createSessionMap } from "../../domain/agenda-doc.js";
import { buildPath } from "../../server/http/remix-build.js";
import { signedIn, type TestClient } from "../setup/http-client.js";
import { startTestServer, type TestServer } from "../setup/test-server.js";
import { connectAgenda, cookieOf, eventually } from "./agenda-clients.js";
import { createAgendaEvent } from "./agenda-fixtures.js";

type Reply = { status: number; type: string; body: string };
type Route = { id: string; pattern: string; hasAction: boolean };

let app: TestServer;
let admin: TestClient;
let routes: Route[];

/** One raw HTTP request: node:http sends what fetch refuses (TRACE, undecodable paths) exactly as given. */
function send(method: string, path: string, opts: { headers?: Record<string, string>; body?: string | Buffer; as?: TestClient } = {}): Promise<Reply> {
  const url = new URL(app.url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, method, path, headers: { cookie: (opts.as ?? admin).cookieHeader(), ...opts.headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, type: String(res.headers["content-type"] ?? ""), body: Buffer.concat(chunks).toString("utf8") }));
    });
    req.on("error", reject);
    req.end(opts.body);
  });
}

/** Full URL patterns of the built routes (children joined to their parents), with whether they take POSTs. */
function routesOf(build: ServerBuild): Route[] {
  const full = (id: string): string => {
    const r = build.routes[id];
    const own = r.path ?? "";
    const parent = r.parentId ? full(r.parentId) : "";
    return [parent, own].filter(Boolean).join("/");
  };
  return Object.keys(build.routes)
    .filter((id) => id !== "root")
    .map((id) => ({ id, pattern: "/" + full(id), hasAction: Boolean(build.routes[id].module.action) }));
}

/** Crawls the signed-in site from the given pages and adds every same-site link it sees to `seen`. */
async function crawl(start: string[], seen: Set<string>, limit: number): Promise<void> {
  const visited = new Set<string>();
  const queue = [...start];
  while (queue.length && visited.size < limit) {
    const path = queue.shift()!;
    if (visited.has(path)) continue;
    visited.add(path);
    seen.add(path);
    const res = await send("GET", path);
    if (!res.type.includes("text/html")) continue;
    for (const m of res.body.matchAll(/href="(\/[^"#?]*)/g)) {
      const link = m[1];
      if (link.startsWith("/build/") || link === "/logout") continue;
      seen.add(link);
      if (!visited.has(link)) queue.push(link);
    }
  }
}

const patternRe = (pattern: string, open = false) => new RegExp("^" + pattern.replace(/\./g, "\\.").replace(/:[A-Za-z]+/g, "([^/]+)") + (open ? "(?:/|$)" : "$"));

/** Values seen in links for each param of a pattern (the slugs of demo events, items, cities...). */
function candidates(pattern: string, links: Set<string>): string[][] {
  const segs = pattern.split("/");
  const out: string[][] = [];
  segs.forEach((seg, i) => {
    if (!seg.startsWith(":")) return;
    const prefix = segs.slice(0, i + 1).join("/");
    const re = patternRe(prefix, true);
    const found = new Set<string>();
    for (const l of links) {
      const m = re.exec(l);
      if (m) found.add(m[m.length - 1]);
    }
    out.push([...found]);
  });
  return out;
}

// Pages no HTML links to take their params from a page that is linked.
// (The survey export is linked only from a staff page the crawl's budget may not reach once more admin pages exist.)
const SAME_PARAMS: Record<string, string> = { "/api/library/:slug": "/biblioteka/:slug", "/api/ankiety/:slug/wyniki": "/ankiety/:slug", "/api/networks/:slug": "/sieci/:slug", "/ankiety/:slug.json": "/ankiety/:slug" };

/**
 * A concrete path for a pattern from the demo data: a crawled link it matches (other than a page of its own, as
 * /biblioteka/moje is for /biblioteka/:slug), else the pattern filled with values seen in links ("1" when none).
 */
function fill(pattern: string, links: Set<string>, staticPaths: Set<string>): string | null {
  if (!pattern.includes(":")) return pattern;
  const re = patternRe(pattern);
  const link = [...links].find((l) => re.test(l) && !staticPaths.has(l));
  if (link) return link;
  const values = candidates(SAME_PARAMS[pattern] ?? pattern, links).map((c) => c.find((v) => !staticPaths.has(`/${v}`)));
  if (values[0] === undefined) return null;
  let i = 0;
  return pattern.replace(/:[A-Za-z]+/g, () => values[i++] ?? "1");
}

const QUERY_NAMES = ["q", "page", "strona", "sort", "kind", "area", "city", "year", "ids", "status", "token", "podglad", "przywroc", "next", "szkic", "hitsPerPage", "limit", "offset", "when", "tag"];
const BAD_PERCENT = QUERY_NAMES.map((n) => `${n}=%ff%`).join("&");
const ODD_VALUES = [
  ...QUERY_NAMES.map((n) => `${n}=${encodeURIComponent("x".repeat(5000))}`),
  "page=-1&page=99999999999999999999&limit=NaN&szkic=1&next=%2F%0D%0ASet-Cookie:x=1&ids=1,,a,-5&podglad=v99999999&przywroc=%00",
].join("&");

function assertFine(what: string, reply: Reply, opts: { forPerson?: boolean } = {}) {
  expect(reply.status, `${what} answered ${reply.status}: ${reply.body.slice(0, 300)}`).toBeLessThan(500);
  // Stack frames ("    at fn (file.js:1:2)") or raw JS error names must never reach a person.
  expect(reply.body, what).not.toMatch(/\n\s+at .+:\d+:\d+|\b(TypeError|URIError|SyntaxError|ZodError)\b/);
  if (opts.forPerson !== false && reply.status >= 400 && reply.body) expect(reply.body, `${what} refused without a Polish message`).toMatch(/[ąćęłńóśźżĄĆĘŁŃÓŚŹŻ]/);
}

beforeAll(async () => {
  app = await startTestServer();
  admin = await signedIn(app.url, "admin");
  await admin.get("/konto");
  const build = (await import(pathToFileURL(buildPath()).href)) as ServerBuild;
  // Logging out last keeps the administrator signed in for every other action.
  routes = routesOf(build).sort((a, b) => Number(a.pattern === "/logout") - Number(b.pattern === "/logout"));
});
afterAll(async () => app?.stop());

describe("malformed input never answers 500", () => {
  it("the named cases get a Polish 4xx", async () => {
    for (const path of ["/miasta/%ff", "/biblioteka/%ff", "/api/library/%ff"]) {
      const reply = await send("GET", path);
      expect(reply.status, path).toBe(400);
      assertFine(path, reply);
    }
    expect((await send("GET", "/api/library/%ff")).body).toContain('"code":"bad_path"');
    const trace = await send("TRACE", "/");
    expect(trace.status).toBe(405);
    assertFine("TRACE /", trace);
    const json = await send("POST", "/login", { headers: { "content-type": "application/json", "x-csrf-token": admin.csrf }, body: '{"email":"a"}' });
    expect(json.status).toBe(415);
    assertFine("JSON POST /login", json);
    const options = await send("OPTIONS", "/login");
    expect([options.status, (await fetch(`${app.url}/api/search`, { method: "OPTIONS" })).status]).toEqual([204, 204]);
    const noAction = await send("POST", "/api/search", { headers: { "content-type": "application/x-www-form-urlencoded" }, body: "q=x" });
    expect(noAction.status).toBe(405);
    expect(noAction.body).toContain("Ta strona nie obsługuje takiego rodzaju żądania.");
    const next = await send("GET", "/login?next=/%0A/evil");
    expect(next.status).toBeLessThan(500);
  });

  it("every route of the build, with bad paths, odd queries, other methods and non-form bodies", async () => {
    const staticPaths = routes.map((r) => r.pattern).filter((p) => !p.includes(":"));
    const links = new Set<string>();
    await crawl(["/", ...staticPaths.filter((p) => p !== "/logout")], links, 150);
    // Second round: the pages under each demo event and item (programme history, live room, editor) link to
    // revisions, attachments and snapshots.
    const deeper = routes
      .map((r) => r.pattern)
      .filter((p) => (p.match(/:/g) ?? []).length === 1 && !/\.(ics|csv|md|json)$/.test(p))
      .flatMap((p) => (candidates(p, links)[0] ?? []).filter((v) => !staticPaths.includes(`${p.split("/:")[0]}/${v}`)).slice(0, 6).map((v) => p.replace(/:[A-Za-z]+/, v)));
    await crawl(deeper, links, 60);
    const missing: string[] = [];
    for (const route of routes) {
      // Secret tokens (a personal calendar) are never linked: a well-formed unknown one exercises the route.
      const path = fill(route.pattern, links, new Set(staticPaths)) ?? (route.pattern.includes(":token") ? route.pattern.replace(":token", "A".repeat(43)) : null);
      if (process.env.CRAWL_DEBUG) console.log(route.pattern, "→", path);
      if (!path) {
        missing.push(route.pattern);
        continue;
      }
      const badPath = route.pattern.includes(":") ? path.replace(/[^/]+$/, "%ff%e0") : `${path}%ff`;
      const requests: [string, string, Parameters<typeof send>[2]?][] = [
        ["GET", badPath],
        ["GET", `${path}?${BAD_PERCENT}`],
        ["GET", `${path}?${ODD_VALUES}`],
        ["GET", `${path}?_data=${encodeURIComponent(route.id)}&${BAD_PERCENT}`],
        ["HEAD", `${path}?${BAD_PERCENT}`],
        ["TRACE", path],
        ["OPTIONS", path],
        ["PROPFIND", path],
        ["POST", path, { headers: { "content-type": "application/json", "x-csrf-token": admin.csrf }, body: JSON.stringify({ _csrf: admin.csrf, intent: "publish", email: 1, tags: null }) }],
        ["POST", path, { headers: { "content-type": "text/plain;charset=UTF-8", "x-csrf-token": admin.csrf }, body: `_csrf=${admin.csrf}\nintent=x` }],
        ["POST", path, { headers: { "content-type": "multipart/form-data; boundary=zzz" }, body: `--zzz\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${admin.csrf}\r\n--zzz\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-` }],
        ["POST", path, { headers: { "content-type": "multipart/form-data" }, body: "nie ma granicy" }],
        ["POST", path, { headers: { "content-type": "application/x-www-form-urlencoded" }, body: `_csrf=${admin.csrf}&intent=%ff&${BAD_PERCENT}` }],
        ["POST", path, { headers: { "content-type": "application/x-www-form-urlencoded" }, body: `_csrf=${admin.csrf}&${ODD_VALUES}&intent=${"x".repeat(3000)}` }],
        ["POST", path, { headers: { "content-type": "application/x-www-form-urlencoded" } }],
        ["DELETE", path, { headers: { "content-type": "application/x-www-form-urlencoded" }, body: `_csrf=${admin.csrf}` }],
      ];
      for (const [method, url, opts] of requests) {
        // ?_data= answers go to Remix's client code, which shows the Polish error page; no person reads them.
        assertFine(`${method} ${url.slice(0, 120)}`, await send(method, url, opts), { forPerson: !url.includes("_data=") });
      }
    }
    // Demo data must fill every parameterised page, or routes would silently go untested.
    expect(missing).toEqual([]);
    expect(routes.length).toBeGreaterThan(30);
  }, 240_000);
});

describe("a draft programme with a time no clock shows", () => {
  it("prints and downloads with the bad time marked instead of a 500", async () => {
    const eventId = await createAgendaEvent(app.services.db);
    const slug = (await app.services.events.byId(eventId))!.slug;
    const editor = connectAgenda(app.url, `agenda:${eventId}`, await cookieOf(app.url, "moderator"));
    await editor.synced;
    agendaRoots(editor.doc).sessions.push([createSessionMap({ id: "t1", title: "Budżet obywatelski", start: "99:99", end: "10:00", kind: "workshop", description: "" })]);
    await eventually(async () => (await app.services.agenda.current(eventId)).sessions.length === 1, "stored");
    editor.destroy();

    const moderator = await signedIn(app.url, "moderator");
    const print = await send("GET", `/wydarzenia/${slug}/program/druk?szkic=1`, { as: moderator });
    expect(print.status).toBe(200);
    expect(print.body).toContain("99:99 (nieprawidłowa godzina)");
    const md = await send("GET", `/wydarzenia/${slug}/program.md?szkic=1`, { as: moderator });
    expect(md.status).toBe(200);
    expect(md.body).toContain("## 99:99 (nieprawidłowa godzina)–10:00 · Budżet obywatelski (Warsztat)");
  });
});

describe("validation messages are Polish", () => {
  it("an import line of the wrong shape says what is wrong in Polish, and a form without tags is accepted", async () => {
    const staff = await signedIn(app.url, "admin");
    await staff.get("/admin/import");
    const line = JSON.stringify({ externalId: "zly-ksztalt", kind: "publication", title: "Raport o rewitalizacji", areas: "demografia", tags: null });
    const res = await staff.post("/admin/import", { text: line, dryRun: "1" });
    const html = await res.text();
    expect(res.status).toBe(400);
    expect(html).toContain("areas: Nieprawidłowa wartość tego pola.");
    expect(html).toContain("tags: To pole jest wymagane.");
    expect(html).not.toMatch(/Invalid input|expected/);

    // The editor without tags/authors fields (a client that leaves empty fields out) saves the item.
    await staff.get("/biblioteka/nowa");
    const saved = await staff.post("/biblioteka/nowa", { kind: "publication", title: "Publikacja bez tagów", summary: "Krótko." });
    expect(saved.status, await saved.clone().text()).toBe(302);
  });
});

import { DEMO_PASSWORD } from "../../db/seed-data/accounts.js";

/**
 * A small browser stand-in over fetch: keeps cookies, reads the CSRF token from pages, posts forms without
 * following redirects so tests can assert on them.
 */
export class TestClient {
  private cookies = new Map<string, string>();
  csrf = "";

  constructor(readonly baseUrl: string) {}

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  /** Sets a cookie directly (e.g. a session token created through a service). */
  setCookie(name: string, value: string): void {
    this.cookies.set(name, value);
  }

  private store(res: Response) {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair.indexOf("=");
      const name = pair.slice(0, i).trim();
      const value = pair.slice(i + 1).trim();
      if (/Max-Age=0/i.test(c) || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set("cookie", this.cookieHeader());
    const res = await fetch(this.baseUrl + path, { ...init, headers, redirect: "manual" });
    this.store(res);
    return res;
  }

  /** GET a page; remembers the CSRF token found in it. */
  async get(path: string, init: RequestInit = {}): Promise<Response> {
    const res = await this.request(path, init);
    if ((res.headers.get("content-type") ?? "").includes("text/html")) {
      const html = await res.clone().text();
      const m = /name="_csrf" value="([^"]+)"/.exec(html);
      if (m) this.csrf = m[1];
    }
    return res;
  }

  /** GET a page and return its HTML. */
  async html(path: string): Promise<{ status: number; html: string }> {
    const res = await this.get(path);
    return { status: res.status, html: await res.text() };
  }

  /** POST a form as a browser would, including the CSRF token unless `csrf: false`. */
  async post(path: string, fields: Record<string, string | string[]>, opts: { csrf?: boolean | string; origin?: string } = {}): Promise<Response> {
    if (!this.csrf && opts.csrf !== false) await this.get("/login");
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
    if (opts.csrf !== false) body.set("_csrf", typeof opts.csrf === "string" ? opts.csrf : this.csrf);
    const headers: Record<string, string> = { "content-type": "application/x-www-form-urlencoded" };
    if (opts.origin) headers.origin = opts.origin;
    return this.request(path, { method: "POST", body, headers });
  }

  /** Logs in through the real /login form. */
  async login(email: string, password = DEMO_PASSWORD): Promise<Response> {
    await this.get("/login");
    const res = await this.post("/login", { email, password });
    if (res.status !== 302) throw new Error(`login as ${email} failed: ${res.status} ${await res.text()}`);
    return res;
  }
}

/** A fresh client signed in as one of the demo accounts. */
export async function signedIn(baseUrl: string, who: "admin" | "moderator" | "member" | null): Promise<TestClient> {
  const client = new TestClient(baseUrl);
  if (who) await client.login(`${who}@frl.test`);
  return client;
}

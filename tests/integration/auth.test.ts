import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findUserByEmail } from "../../db/repositories/users.js";
import { readMail } from "../setup/mail.js";
import { startTestServer, type TestServer } from "../setup/test-server.js";
import { TestClient } from "../setup/http-client.js";
import { dialects } from "../setup/dialects.js";

const newAccount = (email: string) => ({ name: "Jan Testowy", email, password: "bardzo-tajne-haslo", affiliation: "expert", cityId: "", position: "" });

describe.each(await dialects())("accounts on %s", (dialect) => {
  let app: TestServer;
  beforeAll(async () => {
    app = await startTestServer({ dialect });
  });
  afterAll(async () => app?.stop());


  describe("registration", () => {
    it("creates an account, then the person signs in with an httpOnly SameSite=Lax cookie", async () => {
      const c = new TestClient(app.url);
      await c.get("/register");
      const res = await c.post("/register", newAccount("jan@example.pl"));
      expect(res.status).toBe(302);
      expect(res.headers.get("location")).toBe("/login?rejestracja=1");
      const signIn = await c.login("jan@example.pl", "bardzo-tajne-haslo");
      const setCookie = signIn.headers.getSetCookie().find((v) => v.startsWith("frl_session="))!;
      expect(setCookie).toMatch(/HttpOnly/);
      expect(setCookie).toMatch(/SameSite=Lax/);
      const account = await c.html("/konto");
      expect(account.html).toContain("jan@example.pl");
    });

    it("refuses a short password with a message next to the field", async () => {
      const c = new TestClient(app.url);
      await c.get("/register");
      const short = await c.post("/register", { ...newAccount("krotkie@example.pl"), password: "abc" });
      expect(short.status).toBe(400);
      expect(await short.text()).toContain("Hasło musi mieć co najmniej 12 znaków.");
      expect(await findUserByEmail(app.services.db.db, "krotkie@example.pl")).toBeUndefined();
    });

    it("requires a city for city representatives", async () => {
      const c = new TestClient(app.url);
      await c.get("/register");
      const res = await c.post("/register", { ...newAccount("miasto@example.pl"), affiliation: "city" });
      expect(res.status).toBe(400);
      expect(await res.text()).toContain("Wybierz miasto, które reprezentujesz.");
    });
  });

  describe("login and logout", () => {
    it("rejects a wrong password with a clear message and no session", async () => {
      const c = new TestClient(app.url);
      await c.get("/login");
      const res = await c.post("/login", { email: "moderator@frl.test", password: "zle-haslo-123" });
      expect(res.status).toBe(401);
      expect(await res.text()).toContain("Nieprawidłowy e-mail lub hasło.");
      expect(c.cookie("frl_session")).toBeUndefined();
    });

    it("returns to the page the person came from, but never to another site", async () => {
      const c = new TestClient(app.url);
      await c.get("/login");
      const ok = await c.post("/login", { email: "member@frl.test", password: "frl-demo-2026", next: "/moje-wydarzenia" });
      expect(ok.headers.get("location")).toBe("/moje-wydarzenia");
      const c2 = new TestClient(app.url);
      await c2.get("/login");
      const evil = await c2.post("/login", { email: "member@frl.test", password: "frl-demo-2026", next: "//evil.example" });
      expect(evil.headers.get("location")).toBe("/");
    });

    it("logs out: the old cookie no longer opens the account", async () => {
      const c = new TestClient(app.url);
      await c.login("member@frl.test");
      const token = c.cookie("frl_session")!;
      await c.get("/");
      expect((await c.post("/logout", {})).status).toBe(302);
      const stale = new TestClient(app.url);
      stale.setCookie("frl_session", token);
      expect((await stale.get("/konto")).status).toBe(302);
    });

    it("limits failed logins per account with a message saying when to try again", async () => {
      const c = new TestClient(app.url);
      await c.get("/login");
      for (let i = 0; i < 5; i++) expect((await c.post("/login", { email: "ekspert@frl.test", password: `zle-haslo-${i}` })).status).toBe(401);
      const blocked = await c.post("/login", { email: "ekspert@frl.test", password: "frl-demo-2026" });
      expect(blocked.status).toBe(429);
      expect(await blocked.text()).toMatch(/Zbyt wiele nieudanych prób logowania na to konto\. Spróbuj ponownie za \d+ min/);
    });
  });

  describe("CSRF and cross-site protection", () => {
    it("refuses a form without the token and stores nothing", async () => {
      const c = new TestClient(app.url);
      await c.get("/register");
      const res = await c.post("/register", newAccount("bez-tokenu@example.pl"), { csrf: false });
      expect(res.status).toBe(403);
      expect(await res.text()).toContain("Formularz wygasł");
      expect(await findUserByEmail(app.services.db.db, "bez-tokenu@example.pl")).toBeUndefined();
    });

    it("refuses a token minted for another browser", async () => {
      const a = new TestClient(app.url);
      await a.get("/login");
      const b = new TestClient(app.url);
      await b.get("/login");
      const res = await b.post("/register", newAccount("cudzy-token@example.pl"), { csrf: a.csrf });
      expect(res.status).toBe(403);
    });

    it("refuses a post whose Origin is another site", async () => {
      const c = new TestClient(app.url);
      await c.get("/login");
      const res = await c.post("/login", { email: "member@frl.test", password: "frl-demo-2026" }, { origin: "https://evil.example" });
      expect(res.status).toBe(403);
      expect(c.cookie("frl_session")).toBeUndefined();
    });
  });

  describe("passwords", () => {
    it("changes the password after checking the current one and ends the other sessions", async () => {
      const email = "zmiana@example.pl";
      const c = new TestClient(app.url);
      await c.get("/register");
      await c.post("/register", newAccount(email));
      await c.login(email, "bardzo-tajne-haslo");
      const other = new TestClient(app.url);
      await other.login(email, "bardzo-tajne-haslo");
      await c.get("/konto");
      const wrong = await c.post("/konto", { intent: "password", currentPassword: "nie-to-haslo", newPassword: "nowe-haslo-2026" });
      expect(wrong.status).toBe(400);
      expect(await wrong.text()).toContain("Obecne hasło jest nieprawidłowe.");
      const ok = await c.post("/konto", { intent: "password", currentPassword: "bardzo-tajne-haslo", newPassword: "nowe-haslo-2026" });
      expect(ok.status).toBe(200);
      expect((await other.get("/konto")).status).toBe(302);
      expect((await c.get("/konto")).status).toBe(200);
      await new TestClient(app.url).login(email, "nowe-haslo-2026");
    });

    it("resets a forgotten password through a one-time link sent by mail", async () => {
      const email = "reset@example.pl";
      const c = new TestClient(app.url);
      await c.get("/register");
      await c.post("/register", newAccount(email));
      const anon = new TestClient(app.url);
      await anon.get("/haslo/reset");
      const sent = await anon.post("/haslo/reset", { email });
      expect(await sent.text()).toContain("Jeśli konto z tym adresem istnieje");
      const unknown = await anon.post("/haslo/reset", { email: "nikt@example.pl" });
      expect(await unknown.text()).toContain("Jeśli konto z tym adresem istnieje");

      const mail = readMail(app.dataDir).filter((m) => m.to === email).at(-1)!;
      expect(mail.subject).toContain("ustawienie nowego hasła");
      const link = new URL(/https?:\/\/\S+/.exec(mail.text)![0]);
      const token = link.searchParams.get("token")!;
      const form = await anon.html(link.pathname + link.search);
      expect(form.html).toContain("Ustaw nowe hasło");
      const done = await anon.post("/haslo/nowe", { token, newPassword: "haslo-po-resecie" });
      expect(await done.text()).toContain("Hasło zostało ustawione.");
      await new TestClient(app.url).login(email, "haslo-po-resecie");

      const again = await anon.post("/haslo/nowe", { token, newPassword: "jeszcze-inne-haslo" });
      expect(again.status).toBe(400);
      expect(await again.text()).toContain("Link jest nieprawidłowy, wygasł albo został już użyty.");
      expect(readMail(app.dataDir).some((m) => m.to === "nikt@example.pl")).toBe(false);
    });
  });

  describe("error pages", () => {
    it("shows a Polish 404 page without internals", async () => {
      const res = await new TestClient(app.url).html("/nie-ma-takiej-strony");
      expect(res.status).toBe(404);
      expect(res.html).toContain("Nie znaleziono strony");
      expect(res.html).not.toMatch(/\bat \S+ \(|node_modules|\.tsx?:\d+/);
    });
  });
});

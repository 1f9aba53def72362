// Issue 10: a city stated at registration or in /konto is a claim that grants nothing until ZMP confirms it. The
// person is told so where they pick the city (/register, /konto) and again in the notice after registering.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { t } from "../../domain/i18n/index.js";
import { TestClient } from "../setup/http-client.js";
import { startTestServer, type TestServer } from "../setup/test-server.js";

/** The note as the page's HTML carries it (React escapes no characters of these texts but the quotes of attributes). */
const note = t.auth.register.cityHint;
const after = t.auth.register.checkMailCity;

describe("the stated city waits for ZMP's confirmation, and the pages say so", () => {
  let app: TestServer;
  let seq = 0;
  const register = async (fields: Record<string, string>) => {
    const client = new TestClient(app.url);
    await client.get("/register");
    const n = ++seq;
    const res = await client.post("/register", { name: `Osoba Testowa ${n}`, email: `zgloszenie${n}-${process.pid}@example.pl`, password: "Prosna-rower-Kalisz-2026", position: "", ...fields });
    return { client, res, email: `zgloszenie${n}-${process.pid}@example.pl` };
  };
  const kaliszId = async () => String((await app.services.db.db.selectFrom("cities").select("id").where("slug", "=", "kalisz").executeTakeFirstOrThrow()).id);

  beforeAll(async () => {
    app = await startTestServer({ dialect: "sqlite" });
  });
  afterAll(async () => {
    await app?.stop();
  });

  it("/register says by the city field that ZMP confirms the city before it grants anything (tied to the field)", async () => {
    const { status, html } = await new TestClient(app.url).html("/register");
    expect(status).toBe(200);
    expect(html).toContain(`<p id="city-hint" class="field-hint">${note}</p>`);
    expect(html).toMatch(/<input[^>]*id="city"[^>]*aria-describedby="[^"]*city-hint/);
  });

  it("after registering with a city, the notice says the city waits for ZMP; without a city it does not", async () => {
    const withCity = await register({ affiliation: "city", cityId: await kaliszId() });
    expect(withCity.res.status).toBe(302);
    const location = withCity.res.headers.get("location")!;
    const page = await withCity.client.html(location);
    expect(page.html).toContain(t.auth.register.checkMail);
    expect(page.html).toContain(after);

    const without = await register({ affiliation: "expert", cityId: "" });
    expect(without.res.status).toBe(302);
    const plain = await without.client.html(without.res.headers.get("location")!);
    expect(plain.html).toContain(t.auth.register.checkMail);
    expect(plain.html).not.toContain(after);
  });

  it("/konto says the same by the city field while the city is not confirmed", async () => {
    const { client, email } = await register({ affiliation: "city", cityId: await kaliszId() });
    await client.login(email, "Prosna-rower-Kalisz-2026");
    const { status, html } = await client.html("/konto");
    expect(status).toBe(200);
    expect(html).toContain(`<p id="city-hint" class="field-hint">${note}</p>`);
  });
});

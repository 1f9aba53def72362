// Issue 12 follow-up: /register and /konto take a typed town name (no 1,100-town select in the page). The server
// resolves it in any case, with or without Polish letters; a shared name needs "Name (województwo)"; an unknown name
// is refused; what was typed stays in the form. Suggestions come from /miasta/podpowiedzi.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { t } from "../../domain/i18n/index.js";
import { dialects } from "../setup/dialects.js";
import { signedIn, TestClient } from "../setup/http-client.js";
import { startTestServer, type TestServer } from "../setup/test-server.js";
import { createItem, itemForm } from "./library-support.js";

/** React escapes quotes in text; the messages are compared as the page's HTML carries them. */
const html = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

describe.each(await dialects())("the city field resolves typed town names (%s)", (dialect) => {
  let app: TestServer;
  let seq = 0;
  beforeAll(async () => {
    app = await startTestServer({ dialect });
  });
  afterAll(() => app?.stop());

  const cityOf = async (email: string) => {
    const row = await app.services.db.db.selectFrom("users").innerJoin("cities", "cities.id", "users.cityId").select(["cities.slug", "cities.voivodeship"]).where("users.email", "=", email).executeTakeFirst();
    return row ?? null;
  };
  const register = async (city: string) => {
    const client = new TestClient(app.url);
    await client.get("/register");
    const email = `miasto${++seq}-${dialect}-${process.pid}@example.pl`;
    const res = await client.post("/register", { name: `Osoba Testowa ${seq}`, email, password: "Prosna-rower-Kalisz-2026", affiliation: "city", city, position: "" });
    return { res, email };
  };

  it("registers with a town typed without Polish letters, in any case", async () => {
    const plain = await register("zdunska  wola");
    expect(plain.res.status).toBe(302);
    expect(plain.res.headers.get("location")).toBe("/login?rejestracja=1&miasto=1");
    expect(await cityOf(plain.email)).toEqual({ slug: expect.stringMatching(/^zdunska-wola/), voivodeship: "łódzkie" });

    const upper = await register("ZDUŃSKA WOLA");
    expect(upper.res.status).toBe(302);
    expect((await cityOf(upper.email))?.voivodeship).toBe("łódzkie");
  });

  it("refuses a name several towns share, lists how to pick one, keeps what was typed; 'Name (województwo)' picks it", async () => {
    const shared = await register("Oleśnica");
    expect(shared.res.status).toBe(400);
    const page = await shared.res.text();
    expect(page).toContain(html(t.cityField.ambiguous("Oleśnica", ["Oleśnica (dolnośląskie)", "Oleśnica (świętokrzyskie)"])));
    expect(page).toMatch(/<input[^>]*name="city"[^>]*value="Oleśnica"/);
    expect(await cityOf(shared.email)).toBeNull();
    expect(await app.services.db.db.selectFrom("users").select("id").where("email", "=", shared.email).executeTakeFirst()).toBeUndefined();

    const picked = await register("olesnica (Świętokrzyskie)");
    expect(picked.res.status).toBe(302);
    expect((await cityOf(picked.email))?.voivodeship).toBe("świętokrzyskie");
  });

  it("refuses an unknown town with a clear message and stores nothing", async () => {
    const { res, email } = await register("Atlantyda Dolna");
    expect(res.status).toBe(400);
    const page = await res.text();
    expect(page).toContain(html(t.cityField.unknown("Atlantyda Dolna")));
    expect(page).toMatch(/<input[^>]*name="city"[^>]*value="Atlantyda Dolna"/);
    expect(await app.services.db.db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirst()).toBeUndefined();
  });

  it("/konto shows the chosen town's name and saves a typed one (with or without diacritics); ambiguous and unknown names are refused", async () => {
    const member = await signedIn(app.url, "member");
    const before = await (await member.request("/konto?_data=routes%2Fkonto")).json();
    expect(before.profile.city).toBe("Dzierżoniów");
    expect(before).not.toHaveProperty("cities");

    const profile = { intent: "profile", name: "Członek Demo", affiliation: "city", position: "" };
    await member.get("/konto");
    const shared = await member.post("/konto", { ...profile, city: "jozefow" });
    expect(shared.status).toBe(400);
    const sharedPage = await shared.text();
    expect(sharedPage).toContain("Jest kilka miast o nazwie Józefów");
    expect(sharedPage).toContain("„Józefów (lubelskie)”");
    expect(sharedPage).toMatch(/<input[^>]*name="city"[^>]*value="jozefow"/);
    const unknown = await member.post("/konto", { ...profile, city: "Gotham" });
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain(html(t.cityField.unknown("Gotham")));
    expect((await cityOf("member@frl.test"))?.slug).toBe("dzierzoniow");

    const saved = await member.post("/konto", { ...profile, city: "Józefów (lubelskie)" });
    expect(saved.status).toBe(200);
    expect(await cityOf("member@frl.test")).toEqual({ slug: expect.any(String), voivodeship: "lubelskie" });
    // A shared name comes back with its voivodeship, so saving the form unchanged keeps the same town.
    const after = await (await member.request("/konto?_data=routes%2Fkonto")).json();
    expect(after.profile.city).toBe("Józefów (lubelskie)");

    const back = await member.post("/konto", { ...profile, city: "DZIERZONIOW" });
    expect(back.status).toBe(200);
    expect((await cityOf("member@frl.test"))?.slug).toBe("dzierzoniow");
  });

  it("the staff library editor takes a typed town, shows it back by name, refuses a shared name, and sends no town list", async () => {
    const admin = await signedIn(app.url, "admin");
    const raw = await (await admin.request("/biblioteka/nowa?_data=routes%2Fbiblioteka.nowa")).text();
    expect(raw).not.toContain("Zduńska Wola");
    expect(raw.length).toBeLessThan(30_000);

    const slug = await createItem(admin, { title: "Plan dla Zduńskiej Woli", city: "zdunska wola" });
    const stored = await app.services.db.db.selectFrom("libraryItems").innerJoin("cities", "cities.id", "libraryItems.cityId").select("cities.name").where("libraryItems.slug", "=", slug).executeTakeFirstOrThrow();
    expect(stored.name).toBe("Zduńska Wola");
    const edit = await (await admin.request(`/biblioteka/${slug}/edycja?_data=${encodeURIComponent("routes/biblioteka.$slug_.edycja")}`)).json();
    expect(edit.values.city).toBe("Zduńska Wola");

    const shared = await admin.post("/biblioteka/nowa", itemForm({ title: "Plan dla Oleśnicy", city: "Oleśnica" }));
    expect(shared.status).toBe(400);
    expect(await shared.text()).toContain("Jest kilka miast o nazwie Oleśnica");
  });

  it("/miasta/podpowiedzi suggests at most ten confirmed towns with name and voivodeship only", async () => {
    const client = new TestClient(app.url);
    const ask = async (q: string) => client.request(`/miasta/podpowiedzi?q=${encodeURIComponent(q)}`);
    const zdun = await (await ask("zdun")).json();
    expect(zdun.cities[0]).toEqual({ name: "Zduńska Wola", voivodeship: "łódzkie", label: "Zduńska Wola" });

    const many = await (await ask("a")).json();
    expect(many.cities).toHaveLength(10);
    for (const c of many.cities) expect(Object.keys(c).sort()).toEqual(["label", "name", "voivodeship"]);

    // Same-named towns carry the label that picks each of them.
    const olesnica = await (await ask("Oleśni")).json();
    expect(olesnica.cities.map((c: { label: string }) => c.label).sort()).toEqual(["Oleśnica (dolnośląskie)", "Oleśnica (świętokrzyskie)"]);

    expect((await (await ask("")).json()).cities).toEqual([]);
    expect((await (await ask("%_")).json()).cities).toEqual([]);
    const tooLong = await ask("x".repeat(81));
    expect(tooLong.status).toBe(400);
    expect((await tooLong.json()).error.code).toBe("bad_parameter");
  });
});

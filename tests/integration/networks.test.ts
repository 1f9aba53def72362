// Issue 14: networks of experience exchange, on SQLite and PostgreSQL. Demo data, the access matrix (anonymous,
// member city representative, representative of another city, network expert, moderator, admin) and membership history.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findUserByEmail } from "../../db/repositories/users.js";
import type { Actor } from "../../server/auth/permissions.js";
import { dialects } from "../setup/dialects.js";
import { startTestServer, type TestServer } from "../setup/test-server.js";

async function actorOf(app: TestServer, email: string): Promise<Actor> {
  const u = (await findUserByEmail(app.services.db.db, email))!;
  return { id: u.id, role: u.role, cityId: u.verifiedCityId };
}

describe.each(await dialects())("networks (%s)", (dialect) => {
  let app: TestServer;
  beforeAll(async () => {
    app = await startTestServer({ dialect });
  });
  afterAll(async () => app?.stop());

  it("the demo holds three networks of 5–15 cities with quarterly meetings through 2027; Dzierżoniów and Kalisz belong", async () => {
    const list = await app.services.networks.list();
    expect(list.map((n) => n.slug).sort()).toEqual(["lokalna-energia", "mieszkalnictwo-komunalne", "zmiany-demograficzne"]);
    for (const n of list) {
      expect(n.members.length).toBeGreaterThanOrEqual(5);
      expect(n.members.length).toBeLessThanOrEqual(15);
      expect(n.leader).not.toBeNull();
      expect(n.areas.length).toBeGreaterThan(0);
      expect(n.nextMeeting).not.toBeNull();
      const page = (await app.services.networks.page(n.slug, null))!;
      const all = [...[...page.past].reverse(), ...page.upcoming];
      expect(all.length).toBe(12);
      expect(all.at(-1)!.startsAt.slice(0, 4)).toBe("2027");
      // Quarterly: consecutive meetings are about three months apart.
      const gaps = all.slice(1).map((m, i) => (Date.parse(m.startsAt) - Date.parse(all[i].startsAt)) / 86400_000);
      for (const g of gaps) expect(g > 85 && g < 95, `${g} days between meetings`).toBe(true);
    }
    const db = app.services.db.db;
    const dz = await app.services.networks.ofCity((await findUserByEmail(db, "member@frl.test"))!.verifiedCityId!);
    const ka = await app.services.networks.ofCity((await findUserByEmail(db, "kalisz@frl.test"))!.verifiedCityId!);
    expect(dz.length).toBeGreaterThan(0);
    expect(ka.length).toBeGreaterThan(0);
  });

  it("access matrix: member city representatives, the network's experts and staff are members; others see the public page", async () => {
    const who = {
      anonymous: null,
      member: await actorOf(app, "member@frl.test"), // Dzierżoniów, a member city
      otherCity: await actorOf(app, "kalisz@frl.test"), // Kalisz is not in "Zmiany demograficzne"
      expert: await actorOf(app, "ekspert@frl.test"),
      moderator: await actorOf(app, "moderator@frl.test"),
      admin: await actorOf(app, "admin@frl.test"),
    };
    const got: Record<string, unknown> = {};
    for (const [name, actor] of Object.entries(who)) {
      const page = (await app.services.networks.page("zmiany-demograficzne", actor))!;
      got[name] = { access: page.access, agreements: page.agreements.length > 0, threads: page.threads.length > 0, membersOnlyMaterial: page.materials.some((m) => m.membersOnly) };
    }
    const member = { agreements: true, threads: true, membersOnlyMaterial: true };
    const outside = { access: "public", agreements: false, threads: false, membersOnlyMaterial: false };
    expect(got).toEqual({
      anonymous: outside,
      member: { access: "member", ...member },
      otherCity: outside,
      expert: { access: "member", ...member },
      moderator: { access: "staff", ...member },
      admin: { access: "staff", ...member },
    });
  });

  it("only members record agreements and post; a city outside the network cannot own an agreement", async () => {
    const nets = app.services.networks;
    const member = await actorOf(app, "member@frl.test");
    const outsider = await actorOf(app, "kalisz@frl.test");
    await expect(nets.recordAgreement(outsider, "zmiany-demograficzne", { title: "Nie wolno", ownerCityId: null, eventId: null, dueOn: null })).rejects.toMatchObject({ name: "PermissionError", status: 403 });
    await expect(nets.startThread(null, "zmiany-demograficzne", "Temat", "Treść")).rejects.toMatchObject({ name: "PermissionError", status: 401 });
    await expect(nets.recordAgreement(member, "zmiany-demograficzne", { title: "Kalisz to zrobi", ownerCityId: outsider!.cityId, eventId: null, dueOn: null })).rejects.toMatchObject({ name: "InputError", field: "ownerCityId" });
    const id = await nets.recordAgreement(member, "zmiany-demograficzne", { title: "Dzierżoniów opisze ankietę", ownerCityId: member!.cityId, eventId: null, dueOn: "2027-05-31" });
    await nets.updateAgreement(member, "zmiany-demograficzne", id, "done");
    const page = (await nets.page("zmiany-demograficzne", member))!;
    const a = page.agreements.find((x) => x.id === id)!;
    expect(a.status).toBe("done");
    // Open ones come first.
    const firstDone = page.agreements.findIndex((x) => x.status === "done" || x.status === "dropped");
    expect(page.agreements.slice(firstDone).every((x) => x.status === "done" || x.status === "dropped")).toBe(true);
  });

  it("a city that leaves keeps its history and its representatives stop being members at once", async () => {
    const nets = app.services.networks;
    const admin = await actorOf(app, "admin@frl.test");
    const kalisz = await actorOf(app, "kalisz@frl.test");
    await nets.addCity(admin, "zmiany-demograficzne", "kalisz");
    expect((await nets.page("zmiany-demograficzne", kalisz))!.access).toBe("member");
    await expect(nets.addCity(kalisz, "zmiany-demograficzne", "kalisz")).rejects.toMatchObject({ name: "PermissionError", status: 403 });
    await nets.removeCity(admin, "zmiany-demograficzne", "kalisz");
    const page = (await nets.page("zmiany-demograficzne", kalisz))!;
    expect(page.access).toBe("public");
    expect(page.cities.some((c) => c.slug === "kalisz")).toBe(false);
    expect(page.formerCities.some((c) => c.slug === "kalisz")).toBe(true);
    expect(page.formerCities.some((c) => c.slug === "gorlice")).toBe(true);
  });
});

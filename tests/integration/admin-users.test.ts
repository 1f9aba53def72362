import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findUserByEmail } from "../../db/repositories/users.js";
import { buildMemberClient } from "../factories/users.js";
import { signedIn, TestClient } from "../setup/http-client.js";
import { startTestServer, type TestServer } from "../setup/test-server.js";

let app: TestServer;
beforeAll(async () => {
  app = await startTestServer();
});
afterAll(async () => app?.stop());

describe("admins manage people and roles", () => {
  it("promotes a member to moderator, who can then create events; the change is in the audit log", async () => {
    const person = await buildMemberClient(app, { name: "Zofia Awansowana" });
    expect((await person.client.request("/wydarzenia/nowe")).status).toBe(403);
    const admin = await signedIn(app.url, "admin");
    await admin.get("/admin/uzytkownicy?q=awansowana");
    const res = await admin.post("/admin/uzytkownicy", { userId: String(person.userId), role: "moderator" });
    expect(await res.text()).toContain("Zapisano zmiany użytkownika.");
    expect((await person.client.request("/wydarzenia/nowe")).status).toBe(200);
    const audit = await admin.html("/admin/dziennik");
    expect(audit.html).toContain("user.role_changed");
  });

  it("blocks an account: its sessions end and it cannot log in again", async () => {
    const person = await buildMemberClient(app, { name: "Konto Do Blokady" });
    const admin = await signedIn(app.url, "admin");
    await admin.get("/admin/uzytkownicy");
    await admin.post("/admin/uzytkownicy", { userId: String(person.userId), role: "member", disabled: "on" });
    expect((await person.client.request("/konto")).status).toBe(302);
    const again = new TestClient(app.url);
    await again.get("/login");
    const res = await again.post("/login", { email: person.email, password: "haslo-uczestnika-1" });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain("Konto zostało zablokowane.");
  });

  it("does not let an admin demote or block themselves", async () => {
    const admin = await signedIn(app.url, "admin");
    await admin.get("/admin/uzytkownicy");
    const me = (await findUserByEmail(app.services.db.db, "admin@frl.test"))!;
    const res = await admin.post("/admin/uzytkownicy", { userId: String(me.id), role: "member" });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("Nie możesz odebrać sobie roli administratora");
    expect((await findUserByEmail(app.services.db.db, "admin@frl.test"))!.role).toBe("admin");
  });
});

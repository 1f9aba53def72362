import { io, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildMemberClient } from "../factories/users.js";
import { dialects } from "../setup/dialects.js";
import { TestClient } from "../setup/http-client.js";
import { startTestServer, type TestServer } from "../setup/test-server.js";

const headerLink = (html: string) => /<a[^>]*id="header-notifications"[^>]*>([\s\S]*?)<\/a>/.exec(html)?.[1].replace(/<[^>]+>/g, "") ?? "";

describe.each(await dialects())("notification centre and live unread count on %s", (dialect) => {
  let app: TestServer;
  let person: Awaited<ReturnType<typeof buildMemberClient>>;
  const sockets: Socket[] = [];
  beforeAll(async () => {
    app = await startTestServer({ dialect });
    person = await buildMemberClient(app);
  });
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await app?.stop();
  });

  const tell = (userId: number, title: string) => app.services.notifications.notify([userId], "materials_added", { title, body: "Nagranie i prezentacje są już dostępne.", path: "/biblioteka" });

  // The listener is attached before connecting: the server sends the current count right after the handshake.
  function connect(cookie: string, counts: number[] = []): Promise<Socket> {
    const socket = io(`${app.url}/powiadomienia`, { transports: ["websocket"], extraHeaders: cookie ? { cookie } : {}, forceNew: true, reconnection: false });
    socket.on("unread", (n: number) => counts.push(n));
    sockets.push(socket);
    return new Promise((resolve, reject) => {
      socket.once("connect", () => resolve(socket));
      socket.once("connect_error", reject);
    });
  }

  it("lists a person's notifications, newest first, and shows the unread count in the header", async () => {
    await tell(person.userId, "Materiały z seminarium o budżecie");
    await tell(person.userId, "Nagranie webinarium o klimacie");
    const page = await person.client.html("/powiadomienia");
    expect(page.status).toBe(200);
    expect(page.html.indexOf("Nagranie webinarium o klimacie")).toBeLessThan(page.html.indexOf("Materiały z seminarium o budżecie"));
    expect(page.html).toContain("2 nieprzeczytane");
    expect(headerLink((await person.client.html("/wydarzenia")).html)).toMatch(/^Powiadomienia.*\(2 nieprzeczytane\)$/);
    const other = await buildMemberClient(app);
    expect((await other.client.html("/powiadomienia")).html).not.toContain("Nagranie webinarium o klimacie");
    expect(headerLink((await other.client.html("/wydarzenia")).html)).toBe("Powiadomienia");
  });

  it("marks one read (never someone else's), then all read", async () => {
    const [newest, older] = await app.services.notifications.list(person.userId);
    const intruder = await buildMemberClient(app);
    await intruder.client.get("/powiadomienia");
    expect((await intruder.client.post("/powiadomienia", { intent: "read", id: String(newest.id) })).status).toBe(200);
    expect(await app.services.notifications.unreadCount(person.userId)).toBe(2);

    await person.client.get("/powiadomienia");
    const one = await person.client.post("/powiadomienia", { intent: "read", id: String(older.id) });
    expect(one.status).toBe(200);
    expect(await one.text()).toContain("Oznaczono jako przeczytane.");
    expect(headerLink((await person.client.html("/wydarzenia")).html)).toMatch(/^Powiadomienia.*\(1 nieprzeczytane\)$/);
    const all = await person.client.post("/powiadomienia", { intent: "read-all" });
    expect(await all.text()).toContain("Wszystkie powiadomienia oznaczono jako przeczytane.");
    expect(headerLink((await person.client.html("/wydarzenia")).html)).toBe("Powiadomienia");
  });

  it("refuses a malformed id (400, Polish), a post without the CSRF token, and anonymous visitors", async () => {
    await person.client.get("/powiadomienia");
    const bad = await person.client.post("/powiadomienia", { intent: "read", id: "jeden" });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("Wybierz jedną z podanych możliwości.");
    expect((await person.client.post("/powiadomienia", { intent: "read-all" }, { csrf: false })).status).toBe(403);
    const anonymous = await new TestClient(app.url).get("/powiadomienia");
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location")).toContain("/login");
  });

  it("pushes the unread count live to the person's open pages, and to no one else; anonymous sockets are refused", async () => {
    const cookie = `frl_session=${person.client.cookie("frl_session")}`;
    const counts: number[] = [];
    await connect(cookie, counts);
    const other = await buildMemberClient(app);
    const theirCounts: number[] = [];
    await connect(`frl_session=${other.client.cookie("frl_session")}`, theirCounts);
    await expect.poll(() => counts).toEqual([0]);

    await tell(person.userId, "Nowy program seminarium");
    await expect.poll(() => counts.at(-1)).toBe(1);
    await app.services.notifications.markRead(person.userId, "all");
    await expect.poll(() => counts.at(-1)).toBe(0);
    expect(theirCounts).toEqual([0]);

    await expect(connect("")).rejects.toThrow(/unauthorized/);
  });
});

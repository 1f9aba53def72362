// People and connections for the access-change tests: fresh accounts (so demoting or blocking one never disturbs the
// demo accounts other tests use) and socket.io clients holding their own session cookies.
import { io, type Socket } from "socket.io-client";
import { updateRoleAndState } from "../../db/repositories/users.js";
import { findCityBySlug } from "../../db/repositories/cities.js";
import { verifyStatedCity } from "../../db/repositories/city-claims.js";
import type { Role } from "../../db/schema.js";
import type { RunningApp } from "../../server/create-app.js";
import { TestClient } from "../setup/http-client.js";

let seq = 0;

export type Person = { userId: number; email: string; token: string; cookie: string; client: (baseUrl: string) => Promise<TestClient> };

/** Registers a person with a role (and optionally a city by slug); returns their session token and cookie. */
export async function createPerson(app: Pick<RunningApp, "services">, role: Role, citySlug?: string): Promise<Person> {
  const n = ++seq;
  const email = `dostep${n}-${process.pid}-${Math.random().toString(36).slice(2, 6)}@example.pl`;
  const db = app.services.db.db;
  const cityId = citySlug ? ((await findCityBySlug(db, citySlug))?.id ?? null) : null;
  const registered = await app.services.auth.register(
    { name: `Osoba ${n}`, email, password: "haslo-osoby-testowej-1", affiliation: cityId ? "city" : "other", cityId, position: null },
    { ip: "127.0.0.1", baseUrl: "http://127.0.0.1" },
  );
  if (registered.userId === null) throw new Error(`${email} is already registered`);
  const userId = registered.userId;
  const token = await app.services.auth.startSession(userId, "vitest");
  // A test person represents their city for real: the claim is verified as an administrator would (issue 10).
  if (cityId) await verifyStatedCity(db, userId, cityId, "test");
  if (role !== "member") await updateRoleAndState(db, userId, role, false);
  const cookie = `frl_session=${token}`;
  return {
    userId,
    email,
    token,
    cookie,
    // A browser holding this session (for /logout and the like), with its CSRF token read from a page.
    client: async (baseUrl) => {
      const c = new TestClient(baseUrl);
      c.setCookie("frl_session", token);
      await c.get("/wydarzenia");
      return c;
    },
  };
}

/** A /live socket.io client with the given cookie. */
export async function liveSocket(baseUrl: string, cookie: string): Promise<Socket> {
  const socket = io(`${baseUrl}/live`, { transports: ["websocket"], extraHeaders: cookie ? { cookie } : {}, reconnectionDelay: 200, reconnectionDelayMax: 500, forceNew: true });
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", (e) => reject(e));
  });
  return socket;
}

/** Resolves when the server disconnects the socket, with the `access:revoked` payload it sent first (or null). */
export function revocation(socket: Socket, timeoutMs = 5000): Promise<{ revoked: { error: { code: string; message: string } } | null; reason: string }> {
  let revoked: { error: { code: string; message: string } } | null = null;
  socket.on("access:revoked", (e) => (revoked = e));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("the server did not disconnect the socket")), timeoutMs);
    socket.once("disconnect", (reason) => {
      clearTimeout(timer);
      resolve({ revoked, reason });
    });
  });
}

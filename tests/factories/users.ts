import type { TestServer } from "../setup/test-server.js";
import { TestClient } from "../setup/http-client.js";

let seq = 0;

/** Creates a member through the auth service and returns a client already holding their session cookie. */
export async function buildMemberClient(app: TestServer, overrides: { name?: string; email?: string } = {}): Promise<{ client: TestClient; userId: number; email: string }> {
  const n = ++seq;
  const email = overrides.email ?? `uczestnik${n}-${process.pid}@example.pl`;
  const { userId } = await app.services.auth.register(
    { name: overrides.name ?? `Uczestnik ${n}`, email, password: "haslo-uczestnika-1", affiliation: "other", cityId: null, position: null },
    { ip: "127.0.0.1", baseUrl: app.url },
  );
  if (userId === null) throw new Error(`${email} is already registered`);
  const token = await app.services.auth.startSession(userId, "vitest");
  const client = new TestClient(app.url);
  client.setCookie("frl_session", token);
  await client.get("/wydarzenia");
  return { client, userId, email };
}

import { expect } from "vitest";
import type { TestClient } from "../setup/http-client.js";
import type { TestServer } from "../setup/test-server.js";

/** Fields of the item form with sensible defaults. */
export function itemForm(overrides: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  return { kind: "publication", title: "Pozycja testowa", summary: "Streszczenie testowe.", body: "Treść **testowa**.", tags: "test", authors: "Zespół testowy", "areas[]": ["finanse"], ...overrides };
}

/** Creates an item through the real editor form; returns its slug. */
export async function createItem(client: TestClient, overrides: Record<string, string | string[]> = {}): Promise<string> {
  if (!client.csrf) await client.get("/biblioteka/nowa");
  const res = await client.post("/biblioteka/nowa", itemForm(overrides));
  expect(res.status, await res.clone().text()).toBe(302);
  return res.headers.get("location")!.split("/")[2];
}

/** Moves an item to a status through the editor; returns the response. */
export function setStatus(client: TestClient, slug: string, to: string): Promise<Response> {
  return client.post(`/biblioteka/${slug}/edycja`, { intent: "status", to });
}

/** Polls until `check` passes or the timeout runs out. */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 15_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > until) throw error;
      await new Promise((r) => setTimeout(r, 150));
    }
  }
}

/** Library API search hits for a query. */
export async function apiSearch(app: TestServer, qs: string): Promise<{ status: number; body: any }> {
  const res = await fetch(`${app.url}/api/search?${qs}`);
  return { status: res.status, body: await res.json() };
}

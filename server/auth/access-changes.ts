import { randomBytes } from "node:crypto";
import { createRedisClient, type RedisClient } from "../redis-client.js";
import { z } from "zod";
import type { Logger } from "../logger.js";

/**
 * Something that may change what a long-lived connection is allowed to do. Listeners re-load the user, session or
 * settings from the database; the change itself carries ids only, never rights (nothing here is trusted).
 */
export type AccessChange = { kind: "user"; userId: number } | { kind: "session"; sessionId: string } | { kind: "agenda"; eventId: number } | { kind: "network"; networkId: number };
export type AccessListener = (change: AccessChange) => Promise<void> | void;

export type AccessChanges = {
  /** A user's role, block status, city or sessions changed: every connection of that user is re-checked. */
  userChanged: (userId: number) => Promise<void>;
  /** One session ended (logout): the connections opened with it are re-checked (and closed). */
  sessionEnded: (sessionId: string) => Promise<void>;
  /** An event's agenda co-design settings changed (mode, cities, open): its /collab connections are re-checked. */
  agendaSettingsChanged: (eventId: number) => Promise<void>;
  /** A network's membership changed (a city or person joined or left): its /collab notes connections are re-checked. */
  networkChanged: (networkId: number) => Promise<void>;
  /** Registers a hub's re-check; returns the unsubscribe function. */
  subscribe: (listener: AccessListener) => () => void;
  close: () => Promise<void>;
};

const changeSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("user"), userId: z.number().int().positive() }),
  z.object({ kind: z.literal("session"), sessionId: z.string().min(1).max(200) }),
  z.object({ kind: z.literal("agenda"), eventId: z.number().int().positive() }),
  z.object({ kind: z.literal("network"), networkId: z.number().int().positive() }),
]);
const envelopeSchema = z.object({ from: z.string(), change: changeSchema });

/**
 * Fans access changes out to the realtime hubs: in-process without Redis; with REDIS_URL also published on one
 * channel every instance subscribes to, so a connection held by another instance is re-checked too. The local hubs
 * run at once (the promise settles after they re-checked), other instances as soon as Redis delivers.
 */
export async function createAccessChanges(deps: { redisUrl: string | undefined; channel: string; logger: Logger }): Promise<AccessChanges> {
  const listeners = new Set<AccessListener>();
  const instanceId = randomBytes(8).toString("hex");

  async function dispatch(change: AccessChange): Promise<void> {
    await Promise.all(
      [...listeners].map(async (l) => {
        try {
          await l(change);
        } catch (error) {
          deps.logger.error("access change: re-check failed", { change, error });
        }
      }),
    );
  }

  let pub: RedisClient | undefined;
  let sub: RedisClient | undefined;
  if (deps.redisUrl) {
    pub = await createRedisClient({ url: deps.redisUrl });
    sub = pub.duplicate();
    for (const c of [pub, sub]) c.on("error", (error: unknown) => deps.logger.warn("access changes: redis error", { error: String(error) }));
    await Promise.all([pub.connect(), sub.connect()]);
    await sub.subscribe(deps.channel, (raw: string) => {
      let parsed: z.infer<typeof envelopeSchema>;
      try {
        parsed = envelopeSchema.parse(JSON.parse(raw));
      } catch {
        deps.logger.warn("access changes: malformed message ignored");
        return;
      }
      if (parsed.from !== instanceId) void dispatch(parsed.change);
    });
  }

  async function announce(change: AccessChange): Promise<void> {
    // Publish first so other instances start while this one re-checks; a Redis failure must not fail the action that
    // caused the change (it is already committed), so it is logged.
    const published = pub?.publish(deps.channel, JSON.stringify({ from: instanceId, change })).catch((error: unknown) => {
      deps.logger.error("access changes: publish failed", { change, error: String(error) });
    });
    await dispatch(change);
    await published;
  }

  return {
    userChanged: (userId) => announce({ kind: "user", userId }),
    sessionEnded: (sessionId) => announce({ kind: "session", sessionId }),
    agendaSettingsChanged: (eventId) => announce({ kind: "agenda", eventId }),
    networkChanged: (networkId) => announce({ kind: "network", networkId }),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      listeners.clear();
      await Promise.allSettled([sub?.quit(), pub?.quit()]);
    },
  };
}

import { randomBytes } from "node:crypto";
import { createRedisClient } from "../redis-client.js";
import type { Logger } from "../logger.js";

const PREFIX = "frl:agenda:";
const ID_BYTES = 8;

/** Relays y-websocket messages of open documents between instances; null implementation when REDIS_URL is unset. */
export type AgendaRelay = {
  subscribe: (docName: string, onMessage: (message: Uint8Array) => void) => Promise<void>;
  unsubscribe: (docName: string) => Promise<void>;
  publish: (docName: string, message: Uint8Array) => void;
  close: () => Promise<void>;
};

/** A relay that does nothing (one instance). */
export const noRelay: AgendaRelay = {
  subscribe: async () => {},
  unsubscribe: async () => {},
  publish: () => {},
  close: async () => {},
};

/**
 * Redis pub/sub relay: one channel per open document; each message is prefixed with this instance's id so an
 * instance ignores its own echoes.
 */
export async function createRedisRelay(url: string, logger: Logger): Promise<AgendaRelay> {
  const instanceId = randomBytes(ID_BYTES);
  const pub = await createRedisClient({ url });
  const sub = pub.duplicate();
  for (const c of [pub, sub]) c.on("error", (error: unknown) => logger.error("agenda relay: redis error", { error: String(error) }));
  await Promise.all([pub.connect(), sub.connect()]);
  return {
    async subscribe(docName, onMessage) {
      await sub.subscribe(
        PREFIX + docName,
        (raw: Buffer) => {
          if (raw.byteLength <= ID_BYTES || raw.subarray(0, ID_BYTES).equals(instanceId)) return;
          onMessage(new Uint8Array(raw.buffer, raw.byteOffset + ID_BYTES, raw.byteLength - ID_BYTES));
        },
        true,
      );
    },
    async unsubscribe(docName) {
      await sub.unsubscribe(PREFIX + docName).catch(() => {});
    },
    publish(docName, message) {
      void pub.publish(PREFIX + docName, Buffer.concat([instanceId, message])).catch((error: unknown) => logger.error("agenda relay: publish failed", { docName, error: String(error) }));
    },
    async close() {
      await Promise.allSettled([sub.quit(), pub.quit()]);
    },
  };
}

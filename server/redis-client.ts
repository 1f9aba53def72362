import type { createClient } from "redis";

export type RedisClient = ReturnType<typeof createClient>;
export type RedisOptions = NonNullable<Parameters<typeof createClient>[0]>;

/**
 * A Redis client, its library loaded on first use: a single instance without REDIS_URL never needs it, and it is
 * about 5 MB of heap that every garbage collection of the server would walk. Not connected yet.
 */
export async function createRedisClient(options: RedisOptions): Promise<RedisClient> {
  const { createClient } = await import("redis");
  return createClient(options);
}

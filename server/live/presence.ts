import type { Namespace } from "socket.io";
import type { Logger } from "../logger.js";
import type { Presence } from "./protocol.js";
import type { LiveSocketData } from "./socket-types.js";
import { comparePolish } from "../../domain/polish-order.js";

const LIST_LIMIT = 200;

/** The room of a live event's anonymous sockets: they get presence as a count, without names and cities. */
export const guestsRoom = (eventId: number) => `guests:${eventId}`;

const countOnly = (p: Presence): Presence => ({ ...p, people: [] });

/** Presence as this socket may see it: the list of names for signed-in people, the count for anonymous ones. */
export function presenceFor(socket: { data: LiveSocketData }, p: Presence): Presence {
  return socket.data.user ? p : countOnly(p);
}

/**
 * Who is in a room. Joins and leaves only mark a room dirty; one update per room per interval is computed from the
 * adapter (fetchSockets spans every instance with the Redis adapter) and broadcast, so a burst of 2,000 joins costs
 * one presence message instead of 2,000.
 */
export class PresenceTracker {
  private pending = new Map<number, NodeJS.Timeout>();
  private last = new Map<number, Presence>();

  constructor(
    private nsp: Namespace,
    private deps: { logger: Logger; recordPeak: (eventId: number, count: number) => Promise<void>; intervalMs?: number },
  ) {}

  /** Schedules a presence broadcast for the room. */
  touch(eventId: number): void {
    if (this.pending.has(eventId)) return;
    const timer = setTimeout(() => {
      this.pending.delete(eventId);
      void this.snapshot(eventId)
        .then((p) => {
          this.last.set(eventId, p);
          this.nsp.to(`event:${eventId}`).except(guestsRoom(eventId)).emit("presence:update", p);
          this.nsp.to(guestsRoom(eventId)).emit("presence:update", countOnly(p));
          return this.deps.recordPeak(eventId, p.count);
        })
        .catch((error) => this.deps.logger.warn("live presence failed", { error: String(error), eventId }));
    }, this.deps.intervalMs ?? 1000);
    timer.unref();
    this.pending.set(eventId, timer);
  }

  /** The latest broadcast snapshot (at most one interval old), computing one only when there is none yet. */
  async current(eventId: number): Promise<Presence> {
    return this.last.get(eventId) ?? this.snapshot(eventId);
  }

  /** Counts people now: each signed-in person once however many tabs, each anonymous connection once. */
  async snapshot(eventId: number): Promise<Presence> {
    const sockets = await this.nsp.in(`event:${eventId}`).fetchSockets();
    const people = new Map<number, Presence["people"][number]>();
    let guests = 0;
    for (const s of sockets) {
      const u = (s.data as LiveSocketData).user;
      if (u) people.set(u.id, { id: u.id, name: u.name, city: u.city });
      else guests += 1;
    }
    const list = [...people.values()].sort((a, b) => comparePolish(a.name, b.name)).slice(0, LIST_LIMIT);
    return { eventId, count: people.size + guests, people: list };
  }

  close(): void {
    for (const t of this.pending.values()) clearTimeout(t);
    this.pending.clear();
    this.last.clear();
  }
}

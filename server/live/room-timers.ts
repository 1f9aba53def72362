import type { RoomState } from "./protocol.js";

const HORIZON_MS = 24 * 3600_000;

/**
 * Announces the automatic transitions (opening before the start, archiving after the end) to everyone in a room
 * at the moment they happen, so no client has to poll. One timer per transition per room per instance.
 */
export class RoomTimers {
  private timers = new Map<string, NodeJS.Timeout>();

  constructor(private announce: (eventId: number) => void) {}

  /** Schedules the room's upcoming transitions (within a day; later ones are scheduled on a later join). */
  watch(eventId: number, state: RoomState): void {
    for (const at of [state.opensAt, state.archivesAt]) {
      const key = `${eventId}:${at}`;
      const delay = Date.parse(at) - Date.now();
      if (delay <= 0 || delay > HORIZON_MS || this.timers.has(key)) continue;
      const timer = setTimeout(() => {
        this.timers.delete(key);
        this.announce(eventId);
      }, delay + 50);
      timer.unref();
      this.timers.set(key, timer);
    }
  }

  close(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }
}

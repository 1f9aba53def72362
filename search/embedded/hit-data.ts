// What a hit carries (the stored document but its body), kept in memory as UTF-8 JSON: reading the 20 rows of a
// page from SQLite was ~15 % of a query's CPU, decoding them from memory takes a few microseconds each. All
// documents share one byte arena (a Buffer object per document cost more than the bytes themselves); a replaced or
// removed document's bytes are reclaimed by compaction once they are half of the arena.
import type { SearchDocument } from "../types.js";

export type HitDoc = Omit<SearchDocument, "body">;

const MIN_ARENA = 1 << 16;

export class HitData {
  private bytes = Buffer.allocUnsafeSlow(MIN_ARENA);
  private used = 0;
  private dead = 0;
  /** Per rid: where its JSON starts in the arena and its length (0: no document). */
  private start = new Int32Array(1024);
  private length = new Int32Array(1024);

  set(rid: number, json: string | undefined): void {
    if (rid >= this.start.length) this.growIndex(rid + 1);
    this.dead += this.length[rid];
    this.length[rid] = 0;
    this.maybeCompact();
    if (json === undefined) return;
    const need = Buffer.byteLength(json);
    if (this.used + need > this.bytes.length) this.resize(Math.max((this.used + need) * 1.5, MIN_ARENA));
    this.start[rid] = this.used;
    this.length[rid] = this.bytes.write(json, this.used);
    this.used += need;
  }

  /** A fresh object per call: callers add _formatted to it. */
  get(rid: number): HitDoc {
    const n = rid < this.length.length ? this.length[rid] : 0;
    if (n === 0) throw new Error(`search index has no document at rid ${rid}`);
    return JSON.parse(this.bytes.toString("utf8", this.start[rid], this.start[rid] + n)) as HitDoc;
  }

  /** Gives back the room left by growth (after a bulk load such as opening the index). */
  trim(): void {
    if (this.bytes.length > Math.max(this.used * 1.1, MIN_ARENA)) this.resize(Math.max(this.used, MIN_ARENA));
  }

  clear(): void {
    this.bytes = Buffer.allocUnsafeSlow(MIN_ARENA);
    this.used = 0;
    this.dead = 0;
    this.start.fill(0);
    this.length.fill(0);
  }

  private maybeCompact(): void {
    if (this.dead < MIN_ARENA || this.dead * 2 < this.used) return;
    const live = this.used - this.dead;
    const next = Buffer.allocUnsafeSlow(Math.max(Math.ceil(live * 1.25), MIN_ARENA));
    let at = 0;
    for (let rid = 0; rid < this.length.length; rid++) {
      const n = this.length[rid];
      if (n === 0) continue;
      this.bytes.copy(next, at, this.start[rid], this.start[rid] + n);
      this.start[rid] = at;
      at += n;
    }
    this.bytes = next;
    this.used = at;
    this.dead = 0;
  }

  private resize(size: number): void {
    const next = Buffer.allocUnsafeSlow(Math.ceil(size));
    this.bytes.copy(next, 0, 0, this.used);
    this.bytes = next;
  }

  private growIndex(size: number): void {
    const cap = Math.max(size, this.start.length * 2);
    const start = new Int32Array(cap);
    const length = new Int32Array(cap);
    start.set(this.start);
    length.set(this.length);
    this.start = start;
    this.length = length;
  }
}

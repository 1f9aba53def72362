// What a hit carries (the stored document but its body), kept in memory per rid as UTF-8 JSON: reading the 20 rows
// of a page from SQLite was ~15 % of a query's CPU, decoding them from memory is a few microseconds each. UTF-8
// buffers (from Node's shared pool) take about half the memory of the same JSON as strings (Polish letters make
// V8 store a string two bytes per character).
import type { SearchDocument } from "../types";

export type HitDoc = Omit<SearchDocument, "body">;

export class HitData {
  private json: (Buffer | undefined)[] = [];

  set(rid: number, json: string | undefined): void {
    this.json[rid] = json === undefined ? undefined : Buffer.from(json);
  }

  /** A fresh object per call: callers add _formatted to it. */
  get(rid: number): HitDoc {
    const b = this.json[rid];
    if (!b) throw new Error(`search index has no document at rid ${rid}`);
    return JSON.parse(b.toString()) as HitDoc;
  }

  clear(): void {
    this.json = [];
  }
}

// Per document, the term ids of its ranked text in order: title, summary, meta, the beginning of the body, with -1
// between attributes. Re-ranking reads these instead of re-splitting stored text, so matching a token against the
// query is an integer lookup.
import type { PostingIndex } from "./postings.js";

export const ATTR_BREAK = -1;
/** A token missing from the index (cannot happen for tokens of indexed documents; kept harmless). */
export const UNKNOWN = -2;

/** Stored streams of many documents: rids, and per rid a slice of one Int32Array. */
export type StreamState = { rids: Int32Array; offsets: Int32Array; data: Int32Array };

export class TokenStreams {
  private streams: (Int32Array | undefined)[] = [];

  get(rid: number): Int32Array | undefined {
    return this.streams[rid];
  }

  /** Encodes a document's ranked tokens (one list per attribute); every token must already be in the index. */
  set(rid: number, attributes: string[][], index: PostingIndex): void {
    let n = attributes.length - 1;
    for (const a of attributes) n += a.length;
    const out = new Int32Array(n);
    let k = 0;
    attributes.forEach((tokens, a) => {
      if (a > 0) out[k++] = ATTR_BREAK;
      for (const t of tokens) out[k++] = index.termId(t) ?? UNKNOWN;
    });
    this.streams[rid] = out;
  }

  delete(rid: number): void {
    this.streams[rid] = undefined;
  }

  clear(): void {
    this.streams = [];
  }

  exportState(): StreamState {
    const rids: number[] = [];
    let size = 0;
    this.streams.forEach((s, rid) => {
      if (s) {
        rids.push(rid);
        size += s.length;
      }
    });
    const offsets = new Int32Array(rids.length + 1);
    const data = new Int32Array(size);
    rids.forEach((rid, i) => {
      const s = this.streams[rid]!;
      data.set(s, offsets[i]);
      offsets[i + 1] = offsets[i] + s.length;
    });
    return { rids: Int32Array.from(rids), offsets, data };
  }

  /** Loads stored streams of the documents that are still live. */
  importState(state: StreamState, isLive: (rid: number) => boolean): void {
    this.streams = [];
    for (let i = 0; i < state.rids.length; i++) {
      const rid = state.rids[i];
      if (isLive(rid)) this.streams[rid] = state.data.subarray(state.offsets[i], state.offsets[i + 1]);
    }
  }
}

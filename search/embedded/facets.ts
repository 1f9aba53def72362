// Facet values dictionary-encoded per document in typed arrays, so counting over tens of thousands of matches is
// a tight loop over small integers: one code per document for single values, and for lists (areas) a bitmask of
// the first 32 codes plus a rarely used list for the rest.
import { FILTERABLE } from "../types.js";
import type { DocAttrs } from "./documents.js";

type Field = (typeof FILTERABLE)[number];
const WORD = 32;

class FieldCodes {
  values: string[] = [];
  private index = new Map<string, number>();
  /** Per rid: the code of a single value, -1 for none (or a list). */
  single = new Int32Array(1024).fill(-1);
  /** Per rid: codes below 32 of a list value, one bit each. */
  bits = new Uint32Array(1024);
  /** Per rid: codes from 32 up of a list value. */
  wide = new Map<number, number[]>();

  code(v: string): number {
    let c = this.index.get(v);
    if (c === undefined) {
      c = this.values.length;
      this.values.push(v);
      this.index.set(v, c);
    }
    return c;
  }

  private fit(rid: number): void {
    if (rid < this.single.length) return;
    const size = Math.max(rid + 1, this.single.length * 2);
    const single = new Int32Array(size).fill(-1);
    single.set(this.single);
    const bits = new Uint32Array(size);
    bits.set(this.bits);
    this.single = single;
    this.bits = bits;
  }

  set(rid: number, v: string | number | string[] | null | undefined): void {
    this.fit(rid);
    this.single[rid] = -1;
    this.bits[rid] = 0;
    this.wide.delete(rid);
    if (Array.isArray(v)) {
      const wide: number[] = [];
      for (const c of new Set(v.map((x) => this.code(x)))) {
        if (c < WORD) this.bits[rid] |= 1 << c;
        else wide.push(c);
      }
      if (wide.length) this.wide.set(rid, wide);
    } else if (v !== null && v !== undefined) this.single[rid] = this.code(String(v));
  }

  count(rids: ArrayLike<number>): Int32Array {
    const counts = new Int32Array(Math.max(this.values.length, WORD));
    const { single, bits } = this;
    for (let i = 0; i < rids.length; i++) {
      const rid = rids[i];
      const c = single[rid];
      if (c >= 0) counts[c]++;
      let m = bits[rid];
      while (m) {
        const low = m & -m;
        counts[31 - Math.clz32(low)]++;
        m ^= low;
      }
    }
    if (this.wide.size) {
      for (let i = 0; i < rids.length; i++) {
        const more = this.wide.get(rids[i]);
        if (more) for (const c of more) counts[c]++;
      }
    }
    return counts;
  }
}

export class FacetTable {
  private fields = new Map<Field, FieldCodes>(FILTERABLE.map((f) => [f, new FieldCodes()]));

  /** Records (or, with undefined, forgets) a document's facet values. */
  set(rid: number, attrs: DocAttrs | undefined): void {
    for (const [f, fc] of this.fields) fc.set(rid, attrs ? attrs[f] : null);
  }

  clear(): void {
    this.fields = new Map(FILTERABLE.map((f) => [f, new FieldCodes()]));
  }

  /** Counts values of one attribute over the given documents. */
  count(field: Field, rids: ArrayLike<number>): Record<string, number> {
    const fc = this.fields.get(field)!;
    const counts = fc.count(rids);
    const out: Record<string, number> = {};
    for (let c = 0; c < fc.values.length; c++) if (counts[c] > 0) out[fc.values[c]] = counts[c];
    return out;
  }
}

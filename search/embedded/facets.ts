// Facet values dictionary-encoded per document, so counting over tens of thousands of matches is a tight loop
// over small integers instead of object and string work.
import { FILTERABLE } from "../types";
import type { DocAttrs } from "./documents";

type Field = (typeof FILTERABLE)[number];

class FieldCodes {
  values: string[] = [];
  private index = new Map<string, number>();
  /** Per rid: one code, -1 for no value, or a list for array attributes. */
  codes: (number | number[])[] = [];

  code(v: string): number {
    let c = this.index.get(v);
    if (c === undefined) {
      c = this.values.length;
      this.values.push(v);
      this.index.set(v, c);
    }
    return c;
  }

  set(rid: number, v: string | number | string[] | null | undefined): void {
    if (Array.isArray(v)) this.codes[rid] = [...new Set(v)].map((x) => this.code(x));
    else this.codes[rid] = v === null || v === undefined ? -1 : this.code(String(v));
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
    const counts = new Int32Array(fc.values.length);
    const codes = fc.codes;
    for (let i = 0; i < rids.length; i++) {
      const c = codes[rids[i]];
      if (typeof c === "number") {
        if (c >= 0) counts[c]++;
      } else for (let j = 0; j < c.length; j++) counts[c[j]]++;
    }
    const out: Record<string, number> = {};
    for (let c = 0; c < counts.length; c++) if (counts[c] > 0) out[fc.values[c]] = counts[c];
    return out;
  }
}

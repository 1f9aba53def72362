// Filters evaluated once into one byte per document and kept until the index changes (the filter cache of Lucene
// and Elasticsearch): people tick the same facets over and over, and reading a byte per match is far cheaper than
// walking the filter tree for each. Least recently used entries go first.
const MAX_ENTRIES = 32;

export class FilterCache {
  private entries = new Map<string, Uint8Array>();

  /** The cached bitmap for a key, built on a miss. */
  get(key: string, build: () => Uint8Array): Uint8Array {
    let bits = this.entries.get(key);
    if (bits) this.entries.delete(key);
    else bits = build();
    this.entries.set(key, bits);
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    return bits;
  }

  /** Forgets everything: called on every write to the index. */
  clear(): void {
    this.entries.clear();
  }
}

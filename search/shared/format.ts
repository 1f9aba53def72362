// Highlighting and cropping shared by both adapters: HTML-escapes everything, wraps matching words in <mark>, and
// crops long text to a window of words around the densest cluster of matches, marking cuts with "…".
import { forEachToken } from "../polish/normalize.js";

/** Escapes text for HTML element content and attribute values. */
const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const SPECIAL_RE = /[&<>"']/;
const SPECIAL_ALL_RE = /[&<>"']/g;

export function escapeHtml(text: string): string {
  return SPECIAL_RE.test(text) ? text.replace(SPECIAL_ALL_RE, (c) => ENTITIES[c]) : text;
}

// Offsets and match flags of the words of the text being formatted, reused between calls (formatting is
// synchronous): result pages format 40 texts per query.
let starts = new Int32Array(256);
let ends = new Int32Array(256);
let marks = new Uint8Array(256);

function grow(): void {
  const size = starts.length * 2;
  const s = new Int32Array(size);
  const e = new Int32Array(size);
  const m = new Uint8Array(size);
  s.set(starts);
  e.set(ends);
  m.set(marks);
  [starts, ends, marks] = [s, e, m];
}

/** Escaped text with matching words in <mark>; cropped to cropLength words around matches when cropLength > 0. */
export function formatText(text: string, isMatch: (token: string) => boolean, cropLength = 0): string {
  let n = 0;
  forEachToken(text, (start, end, norm) => {
    if (n === starts.length) grow();
    starts[n] = start;
    ends[n] = end;
    marks[n] = isMatch(norm) ? 1 : 0;
    n++;
  });
  let from = 0;
  let to = n;
  if (cropLength > 0 && n > cropLength) {
    // Slide a window of cropLength words and keep the one with most matches, centring the first of them.
    let best = 0;
    let bestCount = -1;
    let count = 0;
    for (let i = 0; i < n; i++) {
      if (marks[i]) count++;
      if (i >= cropLength && marks[i - cropLength]) count--;
      if (i >= cropLength - 1 && count > bestCount) {
        bestCount = count;
        best = i - cropLength + 1;
      }
    }
    if (bestCount > 0) {
      let first = best;
      while (!marks[first]) first++;
      best = Math.max(0, Math.min(first - Math.floor(cropLength / 4), n - cropLength));
    } else best = 0;
    from = best;
    to = best + cropLength;
  }
  const start = from === 0 ? 0 : starts[from];
  const end = to >= n ? text.length : ends[to - 1];
  let out = from > 0 ? "…" : "";
  let cursor = start;
  for (let i = from; i < to && i < n; i++) {
    if (!marks[i]) continue;
    out += escapeHtml(text.slice(cursor, starts[i])) + "<mark>" + escapeHtml(text.slice(starts[i], ends[i])) + "</mark>";
    cursor = ends[i];
  }
  out += escapeHtml(text.slice(cursor, end));
  if (end < text.length) out += "…";
  return out;
}

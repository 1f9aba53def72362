// Highlighting and cropping shared by both adapters: HTML-escapes everything, wraps matching words in <mark>, and
// crops long text to a window of words around the densest cluster of matches, marking cuts with "…".
import { tokenizeWithOffsets } from "../polish/normalize";

/** Escapes text for HTML element content and attribute values. */
const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const SPECIAL_RE = /[&<>"']/;
const SPECIAL_ALL_RE = /[&<>"']/g;

export function escapeHtml(text: string): string {
  return SPECIAL_RE.test(text) ? text.replace(SPECIAL_ALL_RE, (c) => ENTITIES[c]) : text;
}

/** Escaped text with matching words in <mark>; cropped to cropLength words around matches when cropLength > 0. */
export function formatText(text: string, isMatch: (token: string) => boolean, cropLength = 0): string {
  const toks = tokenizeWithOffsets(text);
  const hits = toks.map((t) => isMatch(t.norm));
  let from = 0;
  let to = toks.length;
  if (cropLength > 0 && toks.length > cropLength) {
    // Slide a window of cropLength words and keep the one with most matches, centring the first of them.
    let best = 0;
    let bestCount = -1;
    let count = 0;
    for (let i = 0; i < toks.length; i++) {
      if (hits[i]) count++;
      if (i >= cropLength && hits[i - cropLength]) count--;
      if (i >= cropLength - 1 && count > bestCount) {
        bestCount = count;
        best = i - cropLength + 1;
      }
    }
    if (bestCount > 0) {
      const first = hits.indexOf(true, best);
      best = Math.max(0, Math.min(first - Math.floor(cropLength / 4), toks.length - cropLength));
    } else best = 0;
    from = best;
    to = best + cropLength;
  }
  const start = from === 0 ? 0 : toks[from].start;
  const end = to >= toks.length ? text.length : toks[to - 1].end;
  let out = from > 0 ? "…" : "";
  let cursor = start;
  for (let i = from; i < to && i < toks.length; i++) {
    if (!hits[i]) continue;
    out += escapeHtml(text.slice(cursor, toks[i].start)) + "<mark>" + escapeHtml(text.slice(toks[i].start, toks[i].end)) + "</mark>";
    cursor = toks[i].end;
  }
  out += escapeHtml(text.slice(cursor, end));
  if (end < text.length) out += "…";
  return out;
}

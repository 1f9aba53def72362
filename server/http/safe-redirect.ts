/**
 * The one check for every place a redirect target comes from the request (`?next=`, a hidden `next` field…).
 *
 * Only a same-origin path is accepted: exactly one leading `/`, then no `/` or `\` right after it, and no control
 * characters or whitespace anywhere. Browsers strip tabs and newlines from URLs and treat `\` as `/`, so
 * `/\t/evil.example` or `/\evil.example` would otherwise leave the site. The value is also checked after
 * percent-decoding (repeatedly), because a target may be decoded once more on its way to the Location header.
 */
export function safeRedirectPath(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 2000) return fallback;
  let current = value;
  // Three rounds cover double and triple encoding; anything still changing after that is refused.
  for (let round = 0; round < 4; round++) {
    if (!isPlainPath(current)) return fallback;
    let decoded: string;
    try {
      decoded = decodeURIComponent(current);
    } catch {
      return fallback;
    }
    if (decoded === current) return value;
    current = decoded;
  }
  return fallback;
}

// Control characters (C0, DEL, C1), every Unicode space and line/paragraph separators: matching them is the point.
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARS = /[\u0000-\u0020\u007f-\u00a0\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u2064\u3000\ufeff]/;

function isPlainPath(path: string): boolean {
  if (path[0] !== "/") return false;
  if (path[1] === "/" || path[1] === "\\") return false;
  if (path.includes("\\")) return false;
  return !UNSAFE_CHARS.test(path);
}

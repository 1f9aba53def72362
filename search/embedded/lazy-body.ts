// A hit's body (most of its bytes, rarely shown: result lists show title and summary) and its highlighted form,
// read and formatted only when first asked for. The getters live on shared prototypes and find their state under a
// symbol: defining two accessors on every hit object gave each its own hidden class, which doubled the main
// thread's cost per threaded search and filled the old generation. Being inherited, `body` is not copied by
// JSON.stringify or spreading — the app maps the fields it shows, so no page ever serialised bodies anyway.
import { formatText } from "../shared/format.js";
import type { SearchHit } from "../types.js";

const LAZY = Symbol("lazy body");

type LazyState = {
  read: () => string | undefined;
  isMatch: (token: string) => boolean;
  cropLength: number;
  body?: string;
  formatted?: string;
};

type Carrier = { [LAZY]: LazyState };

const body = (s: LazyState): string => (s.body ??= s.read() ?? "");

const HIT = Object.create(Object.prototype, {
  body: {
    enumerable: true,
    get(this: Carrier) {
      return body(this[LAZY]);
    },
  },
}) as object;

const FORMATTED = Object.create(Object.prototype, {
  body: {
    enumerable: true,
    get(this: Carrier) {
      const s = this[LAZY];
      return (s.formatted ??= formatText(body(s), s.isMatch, s.cropLength));
    },
  },
}) as object;

/** Gives hit.body and hit._formatted.body as getters over readBody (called at most once). */
export function withLazyBody(
  hit: SearchHit,
  readBody: () => string | undefined,
  isMatch: (token: string) => boolean,
  cropLength: number,
): SearchHit {
  const state: LazyState = { read: readBody, isMatch, cropLength };
  Object.defineProperty(hit, LAZY, { value: state });
  Object.setPrototypeOf(hit, HIT);
  Object.defineProperty(hit._formatted, LAZY, { value: state });
  Object.setPrototypeOf(hit._formatted, FORMATTED);
  return hit;
}

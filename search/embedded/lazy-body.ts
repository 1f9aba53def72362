// A hit's body (most of its bytes, rarely shown: result lists show title and summary) and its highlighted form,
// read and formatted only when first asked for.
import { formatText } from "../shared/format";
import type { SearchHit } from "../types";

/** Defines hit.body and hit._formatted.body as enumerable getters over readBody (called at most once). */
export function withLazyBody(
  hit: SearchHit,
  readBody: () => string | undefined,
  isMatch: (token: string) => boolean,
  cropLength: number,
): SearchHit {
  let body: string | undefined;
  let formatted: string | undefined;
  const read = () => (body ??= readBody() ?? "");
  Object.defineProperty(hit, "body", { enumerable: true, get: read });
  Object.defineProperty(hit._formatted, "body", {
    enumerable: true,
    get: () => (formatted ??= formatText(read(), isMatch, cropLength)),
  });
  return hit;
}

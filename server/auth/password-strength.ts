import { createRequire } from "node:module";
import type { ZxcvbnFactory } from "@zxcvbn-ts/core";

/** zxcvbn score 3 means "safely unguessable" against an online attack: fewer than 10^10 guesses is refused. */
export const MIN_PASSWORD_SCORE = 3;
export const MIN_PASSWORD_LENGTH = 12;

// The dictionaries are large (about 7 MB of heap): loaded and built on the first password check, then reused, so a
// server that nobody registers with or changes a password on never carries them. require() keeps the check
// synchronous (it runs inside zod schemas); the packages ship CommonJS. Server only; never imported by browser code.
const require = createRequire(import.meta.url);
let factory: ZxcvbnFactory | undefined;
function zxcvbn(): ZxcvbnFactory {
  if (factory) return factory;
  const { ZxcvbnFactory } = require("@zxcvbn-ts/core") as typeof import("@zxcvbn-ts/core");
  const { adjacencyGraphs, dictionary: commonDictionary } = require("@zxcvbn-ts/language-common") as typeof import("@zxcvbn-ts/language-common");
  const { dictionary: polishDictionary, translations } = require("@zxcvbn-ts/language-pl") as typeof import("@zxcvbn-ts/language-pl");
  factory = new ZxcvbnFactory({
    translations,
    graphs: adjacencyGraphs,
    dictionary: { ...commonDictionary, ...polishDictionary, site: ["forum", "rozwoju", "lokalnego", "frl", "zmp", "związek", "miast", "polskich"] },
  });
  return factory;
}

/** Null when the password is strong enough; otherwise zxcvbn's Polish warning and suggestions, one sentence each. */
export function passwordWeakness(password: string): string | null {
  const result = zxcvbn().check(password);
  if (result.score >= MIN_PASSWORD_SCORE) return null;
  return [result.feedback.warning, ...result.feedback.suggestions].filter(Boolean).join(" ");
}

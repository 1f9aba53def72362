import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary as commonDictionary } from "@zxcvbn-ts/language-common";
import { dictionary as polishDictionary, translations } from "@zxcvbn-ts/language-pl";

/** zxcvbn score 3 means "safely unguessable" against an online attack: fewer than 10^10 guesses is refused. */
export const MIN_PASSWORD_SCORE = 3;
export const MIN_PASSWORD_LENGTH = 12;

// The dictionaries are large: built on first use, then reused (server only; never imported by browser code).
let factory: ZxcvbnFactory | undefined;
function zxcvbn(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
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

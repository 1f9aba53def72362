import { z } from "zod";
import { pl } from "zod/v4/locales";
import { common } from "../../domain/i18n/pl/common.js";

/**
 * Zod speaks Polish everywhere it is used: the Polish locale for every message a schema does not set itself, and
 * plainer wording for the two cases people meet most (a missing field, a field of the wrong shape), which the locale
 * phrases as "oczekiwano tablica, otrzymano undefined". Zod is a Node dependency outside the Remix bundle, so calling
 * this once at start-up covers services and route actions alike; calling it again is harmless.
 */
export function applyPolishZodMessages(): void {
  z.config(pl());
  z.config({
    customError: (issue) => {
      if (issue.code === "invalid_type" && (issue.input === undefined || issue.input === null)) return common.validation.required;
      if (issue.code === "invalid_type") return common.validation.invalidType;
      return undefined;
    },
  });
}

applyPolishZodMessages();

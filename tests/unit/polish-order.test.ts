import { describe, expect, it } from "vitest";
import { comparePolish } from "../../domain/polish-order.js";

describe("Polish alphabetical order", () => {
  it("puts letters with diacritics after their base letter, as a Polish reader expects", () => {
    expect(["Żywiec", "Łódź", "Zamość", "Lublin", "Ełk", "Elbląg", "Śrem", "Sopot", "Ćmielów", "Chełm"].sort(comparePolish)).toEqual([
      "Chełm",
      "Ćmielów",
      "Elbląg",
      "Ełk",
      "Lublin",
      "Łódź",
      "Sopot",
      "Śrem",
      "Zamość",
      "Żywiec",
    ]);
  });
});

import { describe, expect, it } from "vitest";
import "../../server/validation/polish-zod.js";
import { optionalText } from "../../server/validation/optional-text.js";

// Every optional text field of every form (event place, library contact, a network meeting's place, a claim's reason)
// goes through optionalText: what a person leaves empty is stored as nothing, and an overlong text is refused in Polish.
describe("optionalText", () => {
  const field = optionalText(10, "Za długie (maks. 10 znaków).");

  it("stores an empty or blank field, or one left out, as null", () => {
    expect(field.parse("")).toBeNull();
    expect(field.parse("   ")).toBeNull();
    expect(field.parse(undefined)).toBeNull();
  });

  it("keeps the text trimmed", () => {
    expect(field.parse("  Poznań \n")).toBe("Poznań");
  });

  it("counts the limit after trimming and refuses a longer text with the given message", () => {
    expect(field.parse(`  ${"a".repeat(10)}  `)).toBe("a".repeat(10));
    const result = field.safeParse("a".repeat(11));
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("Za długie (maks. 10 znaków).");
  });

  it("falls back to zod's Polish message naming the limit when none is given", () => {
    const result = optionalText(5).safeParse("abcdefgh");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/5/);
    expect(result.error?.issues[0]?.message).not.toMatch(/too big|Too big/i);
  });
});

import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "../../server/http/safe-redirect.js";

describe("return path after login (?next=)", () => {
  it.each([
    "//evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "/%09/evil.example",
    "%2F%2Fevil.example",
    "/%2F/evil.example",
    "/%5Cevil.example",
    "/%252F%252Fevil.example",
    "https://evil.example",
    "http:/evil.example",
    "/\t/evil.example/x",
    "/\n/evil.example",
    "/\r\n/evil.example",
    "/ /evil.example",
    "/\u00a0/evil.example",
    "/\u2028/evil.example",
    "javascript:alert(1)",
    "/%0a/evil.example",
    "/%E0%A4%A",
    "evil.example",
    "",
  ])("refuses %j and falls back to the home page", (target) => {
    expect(safeRedirectPath(target)).toBe("/");
  });

  it.each(["/", "/moje-wydarzenia", "/wydarzenia/forum-2026/program", "/biblioteka?miasto=pozna%C5%84&strona=2", "/szukaj?q=rewitalizacja"])(
    "keeps the same-site path %j",
    (target) => {
      expect(safeRedirectPath(target)).toBe(target);
    },
  );

  it("uses the given fallback for anything that is not a string", () => {
    expect(safeRedirectPath(undefined, "/konto")).toBe("/konto");
    expect(safeRedirectPath(["/a"], "/konto")).toBe("/konto");
  });
});

import { randomToken, safeEqual, secureRandomBytes, sign } from "../auth/tokens.js";

/**
 * Signed double-submit CSRF: a random httpOnly cookie per browser, and forms carry HMAC(secret, cookie). A page from
 * another site can neither read the cookie nor compute the HMAC.
 *
 * Pages are sent compressed (issue 16) and some echo what the visitor typed (`/biblioteka?q=`), so a token that
 * stayed the same on every page could be guessed byte by byte from compressed sizes (BREACH). Each response
 * therefore carries the token under a fresh random mask (mask ‖ mask XOR token); `verify` takes the mask off.
 */
export function csrfFor(secret: string, cookieValue: string | undefined) {
  const value = cookieValue && /^[A-Za-z0-9_-]{20,100}$/.test(cookieValue) ? cookieValue : randomToken();
  const token = sign(secret, `csrf:${value}`);
  return {
    cookieValue: value,
    isNew: value !== cookieValue,
    token: mask(token),
    verify: (submitted: string | null | undefined) => {
      const unmasked = typeof submitted === "string" && submitted.length <= 200 ? unmask(submitted) : null;
      return unmasked !== null && safeEqual(unmasked, token);
    },
  };
}

function mask(token: string): string {
  const raw = Buffer.from(token, "base64url");
  const pad = secureRandomBytes(raw.length);
  const out = Buffer.alloc(raw.length * 2);
  pad.copy(out);
  for (let i = 0; i < raw.length; i++) out[raw.length + i] = raw[i] ^ pad[i];
  return out.toString("base64url");
}

function unmask(masked: string): string | null {
  const both = Buffer.from(masked, "base64url");
  if (both.length === 0 || both.length % 2 !== 0) return null;
  const n = both.length / 2;
  const raw = Buffer.alloc(n);
  for (let i = 0; i < n; i++) raw[i] = both[n + i] ^ both[i];
  return raw.toString("base64url");
}

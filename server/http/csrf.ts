import { randomToken, safeEqual, sign } from "../auth/tokens.js";

/**
 * Signed double-submit CSRF: a random httpOnly cookie per browser, and forms carry HMAC(secret, cookie). A page from
 * another site can neither read the cookie nor compute the HMAC.
 */
export function csrfFor(secret: string, cookieValue: string | undefined) {
  const value = cookieValue && /^[A-Za-z0-9_-]{20,100}$/.test(cookieValue) ? cookieValue : randomToken();
  const token = sign(secret, `csrf:${value}`);
  return {
    cookieValue: value,
    isNew: value !== cookieValue,
    token,
    verify: (submitted: string | null | undefined) => typeof submitted === "string" && safeEqual(submitted, token),
  };
}

import { createHmac, hash, randomBytes, timingSafeEqual } from "node:crypto";

// Every page view takes a few small random values (the CSP nonce, a CSRF mask, a new visitor's CSRF cookie). They are
// cut from a block the system's CSPRNG fills 4 KB at a time: one call into the crypto binding per hundred or so page
// views instead of three per view (issue 16). Each byte is handed out once; a used block is dropped, never refilled.
const POOL_BYTES = 4096;
let pool = Buffer.alloc(0);
let poolOffset = 0;

/** n cryptographically random bytes (for tokens, nonces and masks). */
export function secureRandomBytes(n: number): Buffer {
  if (n > POOL_BYTES / 4) return randomBytes(n);
  if (poolOffset + n > pool.length) {
    pool = randomBytes(POOL_BYTES);
    poolOffset = 0;
  }
  const bytes = pool.subarray(poolOffset, poolOffset + n);
  poolOffset += n;
  return bytes;
}

/** A random URL-safe token (256 bits). */
export function randomToken(): string {
  return secureRandomBytes(32).toString("base64url");
}

/** SHA-256 of a token, hex; what the database stores instead of the token. */
export function hashToken(token: string): string {
  // The one-shot hash: no Hash object per call (this runs for every page view and every connection with a session).
  return hash("sha256", token, "hex");
}

/** HMAC-SHA256 of a value under the server secret, base64url. */
export function sign(secret: string, value: string): string {
  return createHmac("sha256", secret).update(value).digest("base64url");
}

/** Constant-time string comparison. */
export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

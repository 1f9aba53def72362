/** Current time as the ISO-8601 UTC string every timestamp column holds. */
export function nowIso(): string {
  return new Date().toISOString();
}

/** An ISO timestamp `ms` milliseconds from now (negative for the past). */
export function isoFromNow(ms: number): string {
  return new Date(Date.now() + ms).toISOString();
}

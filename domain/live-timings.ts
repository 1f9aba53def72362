// Timings of live rooms that the server enforces and the browser shows; one definition for both sides.

/** After the end a room stays open this long for last words, then becomes a read-only archive. */
export const ARCHIVE_AFTER_END_MS = 30 * 60_000;
/** Authors may edit their own message for this long. */
export const EDIT_WINDOW_MS = 5 * 60_000;

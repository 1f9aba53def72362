// WebSocket close codes of /collab. 4400–4499 tell y-websocket 3.1 to stop reconnecting; 4500–4599 mean "try later".

export const CLOSE = {
  malformed: 4400, // a message that is not y-websocket sync/awareness
  notSignedIn: 4401,
  forbidden: 4403,
  notFound: 4404, // no such event, or an invalid document name
  updateTooLarge: 4413, // one message above MAX_MESSAGE_BYTES
  documentTooLarge: 4414, // the document would grow above MAX_DOCUMENT_BYTES
  storedStateUnreadable: 4422, // stored state is corrupt: refused, never served empty
  rateLimited: 4429, // more than RATE_BURST messages at once / RATE_PER_SECOND sustained
  loadFailed: 4503, // the database did not answer: transient, clients retry
  shuttingDown: 1012, // service restart: clients reconnect
} as const;

export type CloseCode = (typeof CLOSE)[keyof typeof CLOSE];

export const LIMITS = {
  maxMessageBytes: 512 * 1024,
  maxDocumentBytes: 8 * 1024 * 1024,
  ratePerSecond: 60,
  rateBurst: 240,
} as const;

/** Short reasons sent in the close frame (ASCII; the UI maps codes to Polish text). */
export const CLOSE_REASON: Record<number, string> = {
  4400: "malformed message",
  4401: "not signed in",
  4403: "no access",
  4404: "no such document",
  4413: "update too large",
  4414: "document too large",
  4422: "stored state unreadable",
  4429: "too many updates",
  4503: "could not load document",
  1012: "server restart",
};

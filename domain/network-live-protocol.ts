// The /sieci socket.io namespace (issue 14): a network page of a member hears new threads and replies in the network's
// discussion without reloading. Shared by the server (server/networks/network-socket.ts) and the browser
// (app/realtime/network-discussion.ts); the server parses client payloads with zod as well.

/** A post as the discussion shows it. */
export type NetworkLivePost = { id: number; threadId: number; authorId: number | null; authorName: string | null; body: string; createdAt: string };

/** A new post in a network's discussion; `newThread` when it opened the thread. */
export type NetworkPostEvent = { networkId: number; threadId: number; threadTitle: string; newThread: boolean; post: NetworkLivePost };

export type NetworkJoinAck = { ok: true } | { ok: false; error: "bad_request" | "not_found" | "forbidden" | "unauthorized" };

export type NetworkClientEvents = {
  /** Asks to follow one network's discussion; joined only after the permission check. */
  "network:join": (payload: { networkId: number }, ack: (res: NetworkJoinAck) => void) => void;
};

export type NetworkServerEvents = {
  "network:post": (event: NetworkPostEvent) => void;
  /** The person is no longer a member (their city left, their role changed, they signed out): they left the room. */
  "network:revoked": (payload: { networkId: number }) => void;
};

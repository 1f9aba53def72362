import type { ThreadForIndex } from "../../../db/repositories/thread-search.js";
import type { SearchDocument } from "../../../search/types.js";

// Archives can be long; the index keeps enough text to be found without storing whole webinars.
const MAX_BODY_CHARS = 40_000;

/** The index id of a live thread's archive. */
export function threadDocId(id: number): string {
  return `thread:${id}`;
}

/** Maps an archived live thread (visible questions, answers and comments) to a federated search document. */
export function threadDocument(thread: ThreadForIndex): SearchDocument {
  const lines = thread.messages.flatMap((m) => (m.answer ? [m.body, m.answer] : [m.body]));
  const questions = thread.messages.filter((m) => m.kind === "question").map((m) => m.body);
  const summarySource = (questions.length ? questions : lines).join(" · ");
  return {
    id: threadDocId(thread.id),
    group: "thread",
    kind: "thread",
    externalId: null,
    slug: `${thread.event.slug}-${thread.id}`,
    title: `${thread.title} — ${thread.event.title}`,
    summary: summarySource.length > 300 ? `${summarySource.slice(0, 297)}…` : summarySource,
    body: lines.join("\n").slice(0, MAX_BODY_CHARS),
    areas: thread.areas,
    tags: [],
    authors: [],
    city: null,
    cityName: null,
    year: Number(thread.event.startsAt.slice(0, 4)),
    eventId: thread.event.id,
    date: thread.event.startsAt,
    url: `/wydarzenia/${thread.event.slug}/na-zywo?watek=${thread.id}`,
  };
}

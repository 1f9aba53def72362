import { findEventById } from "../../db/repositories/events.js";
import { listLiveQuestions } from "../../db/repositories/live-messages.js";
import type { DbHandle } from "../../db/index.js";
import { live as t } from "../../domain/i18n/pl/live.js";
import { assertCan, type Actor } from "../auth/permissions.js";
import type { LibraryService } from "../library/library-service.js";
import { libraryFormSchema } from "../library/library-schemas.js";
import { LiveFailure } from "./live-rules.js";

// Participants' text goes into Markdown: escape everything Markdown could turn into links, images or HTML.
function md(text: string): string {
  return text.replace(/([\\`*_{}[\]()#+\-.!<>|~])/g, "\\$1");
}

/** Publishes the room's answered questions as a library material linked to the event (and its recordings). */
export async function publishLiveFaq(deps: { db: DbHandle; library: LibraryService }, actor: Actor, eventId: number): Promise<{ slug: string }> {
  assertCan(actor, "live:moderate");
  const event = await findEventById(deps.db.db, eventId);
  if (!event) throw new LiveFailure("not_found");
  const answered = (await listLiveQuestions(deps.db.db, eventId)).filter((q) => q.answeredAt && !q.hiddenAt);
  if (answered.length === 0) throw new LiveFailure("bad_request", t.faq.none);
  const recordings = (await deps.library.eventMaterials(eventId, null /* the FAQ is public: public recordings only */)).filter((m) => m.kind === "recording");
  const parts = [t.faq.intro(md(event.title))];
  if (recordings.length) parts.push(`${t.faq.recordings}\n\n${recordings.map((r) => `- [${md(r.title)}](/biblioteka/${r.slug})`).join("\n")}`);
  for (const q of answered) {
    const who = q.authorName ? ` — ${md(q.authorName)}${q.authorCity ? `, ${md(q.authorCity)}` : ""}` : "";
    parts.push(`### ${md(q.body.replace(/\s+/g, " "))}\n\n${t.faq.votes(q.votes)}${who}\n\n${q.answer ? md(q.answer) : t.faq.answeredLive}`);
  }
  const form = libraryFormSchema.parse({
    kind: "material",
    title: t.faq.title(event.title).slice(0, 300),
    summary: t.faq.summary(answered.length),
    body: parts.join("\n\n"),
    areas: [],
    tags: ["FAQ", t.faq.tag],
    authors: [],
    event: event.slug,
  });
  const created = await deps.library.create(actor, form);
  await deps.library.transition(actor, created.id, "published");
  return { slug: created.slug };
}

import sanitizeHtml from "sanitize-html";
import { z } from "zod";
import { SESSION_KINDS, escapeHtml, htmlToText, type AgendaContent } from "../../domain/agenda-doc.js";

import { agenda as agendaText } from "../../domain/i18n/pl/agenda.js";

const TIME = /^([01][0-9]|2[0-3]):[0-5][0-9]$|^$/;
const time = z.string().regex(TIME);

/**
 * A draft may hold anything a co-designer typed (e.g. "99:99"); the print page and Markdown of a draft show it marked
 * instead of refusing the whole programme. Published content never gets here with a bad time (the schema refuses it).
 */
function timeHtml(value: string): string {
  return TIME.test(value) ? `<time>${escapeHtml(value)}</time>` : `<span class="agenda-time-invalid">${escapeHtml(value)} (${agendaText.print.invalidTime})</span>`;
}

function timeText(value: string): string {
  return TIME.test(value) ? value : `${value} (${agendaText.print.invalidTime})`;
}

/** The published programme's JSON, validated before it is stored. */
export const agendaContentSchema = z.object({
  sessions: z
    .array(
      z.object({
        id: z.string().min(1).max(40),
        start: time,
        end: time,
        title: z.string().max(300),
        kind: z.enum(SESSION_KINDS),
        descriptionHtml: z.string().max(200_000),
        speakers: z.array(z.object({ name: z.string().max(200), affiliation: z.string().max(300) })).max(50),
        area: z.string().max(100),
        libraryItemIds: z.array(z.number().int().positive()).max(50),
        // Cities that asked for the topic in a survey (issue 13); the published programme says how many.
        backers: z.array(z.string().max(200)).max(3000).optional(),
        backerNames: z.array(z.string().max(300)).max(3000).optional(),
      }),
    )
    .max(200),
});

const DESCRIPTION_TAGS = ["p", "ul", "ol", "li", "strong", "em", "s", "code", "pre", "blockquote", "h3", "h4", "h5", "h6", "br", "hr"];

/** Keeps only the formatting a session description may carry. */
export function sanitizeDescription(html: string): string {
  return sanitizeHtml(html, { allowedTags: DESCRIPTION_TAGS, allowedAttributes: {} });
}

export type KindLabels = Record<(typeof SESSION_KINDS)[number], string>;

/** Published library items a session links to, by id, with the heading shown above them. */
export type LibraryLinks = { label: string; items: Record<number, { slug: string; title: string }> };

/** Renders the programme as sanitised HTML (an ordered list of sessions) for the public event page. */
export function renderAgendaHtml(content: AgendaContent, kinds: KindLabels, areaNames: Record<string, string>, library?: LibraryLinks): string {
  const items = content.sessions.map((s) => {
    const when = s.start || s.end ? `<p class="agenda-time">${s.start ? timeHtml(s.start) : ""}${s.end ? `–${timeHtml(s.end)}` : ""}</p>` : "";
    const speakers = s.speakers.length
      ? `<ul class="agenda-speakers">${s.speakers.map((p) => `<li>${escapeHtml(p.name)}${p.affiliation ? `, ${escapeHtml(p.affiliation)}` : ""}</li>`).join("")}</ul>`
      : "";
    const area = s.area && areaNames[s.area] ? `<p class="agenda-area">${escapeHtml(areaNames[s.area])}</p>` : "";
    const asked = s.backers?.length ? `<p class="agenda-asked">${escapeHtml(agendaText.published.askedBy(s.backers.length))}</p>` : "";
    const linked = library ? s.libraryItemIds.map((id) => library.items[id]).filter(Boolean) : [];
    const materials = linked.length
      ? `<div class="agenda-library"><p>${escapeHtml(library!.label)}</p><ul>${linked.map((i) => `<li><a href="/biblioteka/${encodeURIComponent(i.slug)}">${escapeHtml(i.title)}</a></li>`).join("")}</ul></div>`
      : "";
    return `<li class="agenda-item agenda-kind-${s.kind}">${when}<h3>${escapeHtml(s.title || "—")} <span class="agenda-kind">(${escapeHtml(kinds[s.kind])})</span></h3>${area}${asked}${speakers}<div class="agenda-description">${sanitizeDescription(s.descriptionHtml)}</div>${materials}</li>`;
  });
  return sanitizeHtml(`<ol class="agenda-programme">${items.join("")}</ol>`, {
    allowedTags: [...DESCRIPTION_TAGS, "ol", "div", "span", "time", "h3", "a"],
    allowedAttributes: { "*": ["class"], a: ["href"] },
    // Only links to the site's own library pages are produced; nothing else survives.
    allowedSchemes: [],
    allowProtocolRelative: false,
  });
}

/** Plain text of the programme, for search. */
export function agendaPlainText(content: AgendaContent): string {
  return content.sessions
    .map((s) => [s.start && `${s.start}–${s.end}`, s.title, s.speakers.map((p) => p.name).join(", "), htmlToText(sanitizeDescription(s.descriptionHtml))].filter(Boolean).join("\n"))
    .join("\n\n");
}

/** The programme as Markdown (download). */
export function renderAgendaMarkdown(title: string, content: AgendaContent, kinds: KindLabels): string {
  const md = (s: string) => s.replace(/([\\`*_[\]#<>])/g, "\\$1");
  const lines = [`# ${md(title)}`, ""];
  for (const s of content.sessions) {
    const when = s.start ? `${timeText(s.start)}${s.end ? `–${timeText(s.end)}` : ""} · ` : "";
    lines.push(`## ${md(when + s.title)} (${kinds[s.kind]})`, "");
    if (s.backers?.length) lines.push(md(agendaText.published.askedBy(s.backers.length)), "");
    if (s.speakers.length) lines.push(...s.speakers.map((p) => `- ${md(p.name)}${p.affiliation ? `, ${md(p.affiliation)}` : ""}`), "");
    const text = htmlToText(sanitizeDescription(s.descriptionHtml));
    if (text) lines.push(md(text), "");
  }
  return lines.join("\n");
}

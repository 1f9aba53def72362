import { marked } from "marked";
import sanitizeHtml from "sanitize-html";

// The safe subset: structure and emphasis, links (http, https, mailto) and simple tables. No images, styles,
// iframes, forms or event handlers; links open with rel=noopener.
const options: sanitizeHtml.IOptions = {
  allowedTags: ["p", "br", "strong", "em", "b", "i", "u", "s", "ul", "ol", "li", "a", "h2", "h3", "h4", "blockquote", "code", "pre", "hr", "table", "thead", "tbody", "tr", "th", "td"],
  allowedAttributes: { a: ["href", "title", "rel"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  transformTags: { a: sanitizeHtml.simpleTransform("a", { rel: "noopener noreferrer" }), h1: "h2" },
};

/** Cleans HTML down to the safe subset. */
export function sanitizeBodyHtml(html: string): string {
  return sanitizeHtml(html, options);
}

/** Markdown (or HTML inside it) to sanitised HTML. */
export function markdownToSafeHtml(markdown: string): string {
  const html = marked.parse(markdown, { async: false, gfm: true, breaks: false }) as string;
  return sanitizeBodyHtml(html);
}

const entities: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'", "&#x27;": "'", "&nbsp;": " " };

/** Plain text of sanitised HTML, for the search index. */
export function htmlToText(html: string): string {
  const text = sanitizeHtml(html.replace(/<\/(p|li|h\d|tr|blockquote|pre)>/g, "$&\n"), { allowedTags: [], allowedAttributes: {} });
  return text
    .replace(/&(amp|lt|gt|quot|#39|#x27|nbsp);/g, (m) => entities[m] ?? m)
    .replace(/[ \t]+/g, " ")
    .replace(/\n\s*\n+/g, "\n")
    .trim();
}

import { Fragment } from "react";

// http(s) and www. links only; trailing punctuation stays outside the link.
const URL_RE = /\b(?:https?:\/\/|www\.)[^\s<>"']+[^\s<>"'.,;:!?)\]]/gi;

/** Plain text with links made clickable; React escapes every text node, and only http(s) hrefs are produced. */
export function Linkified({ text }: { text: string }) {
  const parts: React.ReactNode[] = [];
  let last = 0;
  for (const m of text.matchAll(URL_RE)) {
    const start = m.index ?? 0;
    if (start > last) parts.push(text.slice(last, start));
    const raw = m[0];
    const href = raw.startsWith("www.") ? `https://${raw}` : raw;
    let safe: string | null = null;
    try {
      const u = new URL(href);
      if (u.protocol === "http:" || u.protocol === "https:") safe = u.href;
    } catch {
      safe = null;
    }
    parts.push(
      safe ? (
        <a key={start} href={safe} rel="noopener noreferrer nofollow ugc" target="_blank">
          {raw}
        </a>
      ) : (
        raw
      ),
    );
    last = start + raw.length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return (
    <>
      {parts.map((p, i) => (
        <Fragment key={i}>{p}</Fragment>
      ))}
    </>
  );
}

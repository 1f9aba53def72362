import type * as Y from "yjs";

// The shared notes of a network (issue 14): one Yjs document per network on /collab, holding one text.

/** The /collab document name of a network's notes. */
export function networkDocName(networkId: number): string {
  return `network:${networkId}`;
}

/** The notes text of a network document. */
export function networkNotes(doc: Y.Doc): Y.Text {
  return doc.getText("notes");
}

/** Applies a textarea's new value to the shared text as one minimal edit (common prefix and suffix kept). */
export function applyTextEdit(text: Y.Text, next: string): void {
  const prev = text.toString();
  if (prev === next) return;
  let start = 0;
  while (start < prev.length && start < next.length && prev[start] === next[start]) start++;
  let endPrev = prev.length;
  let endNext = next.length;
  while (endPrev > start && endNext > start && prev[endPrev - 1] === next[endNext - 1]) {
    endPrev--;
    endNext--;
  }
  text.doc!.transact(() => {
    if (endPrev > start) text.delete(start, endPrev - start);
    if (endNext > start) text.insert(start, next.slice(start, endNext));
  });
}

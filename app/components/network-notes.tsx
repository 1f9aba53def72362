import { useEffect, useRef, useState } from "react";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { applyTextEdit, networkDocName, networkNotes } from "../../domain/network-doc";
import { t } from "../../domain/i18n";

type Status = "connecting" | "connected" | "closed";

/**
 * The network's shared notes: a plain textarea bound to the Yjs text of `network:<id>` on /collab. Remote edits
 * replace the value while keeping the caret where it was; a refusal (4401/4403, e.g. after the city left) ends editing.
 */
export function NetworkNotes({ networkId }: { networkId: number }) {
  const area = useRef<HTMLTextAreaElement>(null);
  const apply = useRef<(value: string) => void>(() => {});
  const [status, setStatus] = useState<Status>("connecting");
  useEffect(() => {
    let cleanup = () => {};
    {
      const doc = new Y.Doc();
      const text = networkNotes(doc);
      const url = `${window.location.protocol === "https:" ? "wss" : "ws"}://${window.location.host}/collab`;
      const provider = new WebsocketProvider(url, networkDocName(networkId), doc);
      const render = () => {
        const el = area.current;
        if (!el || el.value === text.toString()) return;
        const { selectionStart, selectionEnd } = el;
        el.value = text.toString();
        el.setSelectionRange(selectionStart, selectionEnd);
      };
      text.observe(render);
      provider.on("sync", (synced: boolean) => {
        if (synced) {
          render();
          setStatus("connected");
        }
      });
      provider.on("connection-close", (event: CloseEvent | null) => {
        if (event && event.code >= 4400 && event.code < 4500) setStatus("closed");
      });
      apply.current = (value) => applyTextEdit(text, value);
      cleanup = () => {
        provider.destroy();
        doc.destroy();
      };
    }
    return () => cleanup();
  }, [networkId]);
  return (
    <div>
      <label htmlFor="network-notes">{t.networks.notesLabel}</label>
      <textarea
        ref={area}
        id="network-notes"
        className="network-notes"
        rows={10}
        readOnly={status !== "connected"}
        aria-describedby="network-notes-status"
        onChange={(e) => apply.current(e.currentTarget.value)}
      />
      <p id="network-notes-status" className="card-meta" role="status">
        {status === "connecting" ? t.networks.notesConnecting : status === "closed" ? t.networks.notesClosed : t.networks.notesSaved}
      </p>
    </div>
  );
}

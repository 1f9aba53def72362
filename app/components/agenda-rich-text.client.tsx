// Rendered only once the agenda's connection exists, i.e. in the browser. The `.client` name makes the Remix compiler
// leave Tiptap and ProseMirror out of the server build (about 9 MB of heap the server process would carry).
import Collaboration from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import { EditorContent, useEditor } from "@tiptap/react";
import { useEffect } from "react";
import type { WebsocketProvider } from "y-websocket";
import type * as Y from "yjs";
import type { PresenceUser } from "~/realtime/agenda-connection";
import { t } from "../../domain/i18n";
import { agendaEditorKit } from "./agenda-editor-kit";

type Props = { fragment: Y.XmlFragment; provider: WebsocketProvider; user: PresenceUser; label: string; id: string; readOnly: boolean; onFocus?: () => void };

/** A collaborative rich-text field (Tiptap over y-prosemirror) with remote carets labelled by name. */
export function AgendaRichText({ fragment, provider, user, label, id, readOnly, onFocus }: Props) {
  const attributes = { id, "aria-label": label, role: "textbox", "aria-multiline": "true", class: "agenda-editor", ...(readOnly ? { "aria-readonly": "true" } : {}) };
  const editor = useEditor(
    {
      immediatelyRender: false,
      editable: !readOnly,
      extensions: [
        // Collaboration brings its own undo history (per user, over Yjs), so the kit has none.
        ...agendaEditorKit(),
        Collaboration.configure({ fragment }),
        // The caret extension writes `user` into awareness: give it the whole presence record so the city stays.
        CollaborationCaret.configure({ provider, user: { ...user } }),
      ],
      editorProps: { attributes },
      onFocus: () => onFocus?.(),
    },
    [fragment, readOnly],
  );
  // The label follows the session title, which changes while the editor lives.
  useEffect(() => {
    if (editor && !editor.isDestroyed) editor.setOptions({ editorProps: { attributes } });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editor, label, id, readOnly]);
  return (
    <div className="agenda-rich-text">
      {!readOnly && editor ? (
        <div role="toolbar" aria-label={`${t.agenda.editor.toolbar}: ${label}`} className="agenda-toolbar">
          <button type="button" className="button-small button-secondary" aria-pressed={editor.isActive("bold")} onClick={() => editor.chain().focus().toggleBold().run()}>
            <strong>B</strong>
            <span className="visually-hidden"> {t.agenda.editor.bold}</span>
          </button>
          <button type="button" className="button-small button-secondary" aria-pressed={editor.isActive("italic")} onClick={() => editor.chain().focus().toggleItalic().run()}>
            <em>I</em>
            <span className="visually-hidden"> {t.agenda.editor.italic}</span>
          </button>
          <button type="button" className="button-small button-secondary" aria-pressed={editor.isActive("bulletList")} onClick={() => editor.chain().focus().toggleBulletList().run()}>
            • <span className="visually-hidden">{t.agenda.editor.bulletList}</span>
          </button>
        </div>
      ) : null}
      <EditorContent editor={editor} />
    </div>
  );
}

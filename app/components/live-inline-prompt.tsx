import { useEffect, useRef, useState } from "react";
import { t } from "../../domain/i18n";

/**
 * A short labelled form in place of the browser's prompt(): it takes focus when it opens, Escape or "Anuluj" close
 * it, and the caller returns focus to the button that opened it. Screen readers get a real label and field.
 */
export function InlinePrompt({
  id,
  label,
  confirm,
  maxLength,
  multiline = false,
  onConfirm,
  onCancel,
}: {
  id: string;
  label: string;
  confirm: string;
  maxLength: number;
  multiline?: boolean;
  onConfirm: (value: string) => void;
  onCancel: () => void;
}) {
  const [value, setValue] = useState("");
  const field = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  useEffect(() => field.current?.focus(), []);
  const props = { id, ref: field, value, maxLength, onChange: (e: { target: { value: string } }) => setValue(e.target.value) };
  return (
    <form
      className="live-inline-prompt"
      onSubmit={(e) => {
        e.preventDefault();
        onConfirm(value.trim());
      }}
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          e.preventDefault();
          onCancel();
        }
      }}
    >
      <label htmlFor={id}>{label}</label>
      {multiline ? <textarea rows={2} {...props} /> : <input type="text" {...props} />}
      <div className="actions">
        <button type="submit" className="button button-small">
          {confirm}
        </button>
        <button type="button" className="button button-small button-secondary" onClick={onCancel}>
          {t.live.cancel}
        </button>
      </div>
    </form>
  );
}

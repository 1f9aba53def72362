import { useEffect, useRef, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";
import { t } from "../../domain/i18n";

type Common = { label: string; name: string; error?: string; hint?: string; required?: boolean };

function Described({ name, error, hint }: { name: string; error?: string; hint?: string }) {
  return (
    <>
      {hint ? (
        <p id={`${name}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${name}-error`} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </>
  );
}

function aria(name: string, error?: string, hint?: string) {
  const ids = [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(" ");
  return { "aria-invalid": error ? true : undefined, "aria-describedby": ids || undefined };
}

function Label({ name, label, required }: { name: string; label: string; required?: boolean }) {
  return (
    <label htmlFor={name}>
      {label}
      {required ? <span className="required"> {t.common.required}</span> : null}
    </label>
  );
}

/** A labelled input with its hint and inline error wired through aria-describedby. */
export function Field({ label, name, error, hint, required, ...rest }: Common & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <div className={`field${error ? " has-error" : ""}`}>
      <Label name={name} label={label} required={required} />
      <input id={name} name={name} required={required} {...aria(name, error, hint)} {...rest} />
      <Described name={name} error={error} hint={hint} />
    </div>
  );
}

/** A labelled textarea. */
export function TextArea({ label, name, error, hint, required, ...rest }: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <div className={`field${error ? " has-error" : ""}`}>
      <Label name={name} label={label} required={required} />
      <textarea id={name} name={name} required={required} {...aria(name, error, hint)} {...rest} />
      <Described name={name} error={error} hint={hint} />
    </div>
  );
}

/** A labelled select. */
export function Select({ label, name, error, hint, required, children, ...rest }: Common & SelectHTMLAttributes<HTMLSelectElement> & { children: ReactNode }) {
  return (
    <div className={`field${error ? " has-error" : ""}`}>
      <Label name={name} label={label} required={required} />
      <select id={name} name={name} required={required} {...aria(name, error, hint)} {...rest}>
        {children}
      </select>
      <Described name={name} error={error} hint={hint} />
    </div>
  );
}

/** Lists form errors at the top and moves focus there after a failed submit; links jump to each field. */
export function ErrorSummary({ errors, formError }: { errors?: Record<string, string>; formError?: string }) {
  const entries = Object.entries(errors ?? {});
  const ref = useRef<HTMLDivElement>(null);
  const signature = `${formError ?? ""}|${entries.map(([k, v]) => k + v).join("|")}`;
  useEffect(() => {
    if (signature !== "|") ref.current?.focus();
  }, [signature]);
  if (!formError && entries.length === 0) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref}>
      {formError ? <p>{formError}</p> : null}
      {entries.length ? (
        <>
          <p>{t.common.formErrorSummary}</p>
          <ul>
            {entries.map(([k, v]) => (
              <li key={k}>
                <a href={`#${k}`}>{v}</a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

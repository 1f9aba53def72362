import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { t } from "../../domain/i18n";

/** One suggestion as /miasta/podpowiedzi sends it: `label` is what the field takes (name, or "Name (województwo)"). */
export type CitySuggestion = { name: string; voivodeship: string; label: string };

type Props = { label: string; name: string; defaultValue?: string; error?: string; hint?: string; required?: boolean };

// Waits this long after the last keystroke before asking the server, so typing a name costs a request or two.
const DEBOUNCE_MS = 150;

/**
 * A town name field. Without JavaScript it is a plain text input the server resolves (any case, with or without
 * Polish letters; "Name (województwo)" picks one of several same-named towns). Once hydrated it becomes an ARIA 1.2
 * combobox whose listbox is filled from /miasta/podpowiedzi as the person types, so no page carries the directory.
 */
export function CityField({ label, name, defaultValue = "", error, hint, required }: Props) {
  const [value, setValue] = useState(defaultValue);
  const [hydrated, setHydrated] = useState(false);
  const [options, setOptions] = useState<CitySuggestion[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [announce, setAnnounce] = useState("");
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const request = useRef<AbortController>();
  const uid = useId().replace(/:/g, "");
  const listId = `${name}-listbox-${uid}`;
  const optionId = (i: number) => `${name}-option-${uid}-${i}`;

  useEffect(() => setHydrated(true), []);
  // A failed submit brings back what was typed; a saved profile brings back the stored city's text.
  useEffect(() => setValue(defaultValue), [defaultValue]);
  useEffect(() => () => {
    clearTimeout(timer.current);
    request.current?.abort();
  }, []);

  function close() {
    setOpen(false);
    setActive(-1);
  }

  function ask(q: string) {
    clearTimeout(timer.current);
    request.current?.abort();
    if (!q.trim()) {
      setOptions([]);
      setAnnounce("");
      close();
      return;
    }
    timer.current = setTimeout(async () => {
      const controller = new AbortController();
      request.current = controller;
      try {
        const res = await fetch(`/miasta/podpowiedzi?q=${encodeURIComponent(q.trim())}`, { signal: controller.signal, headers: { accept: "application/json" } });
        if (!res.ok) return; // Rate limited or refused: the field still works as plain text.
        const body = (await res.json()) as { cities: CitySuggestion[] };
        setOptions(body.cities);
        setActive(-1);
        setOpen(body.cities.length > 0);
        setAnnounce(body.cities.length ? t.cityField.suggestionsCount(body.cities.length) : t.cityField.noSuggestions);
      } catch {
        // Aborted by the next keystroke, or offline: nothing to show.
      }
    }, DEBOUNCE_MS);
  }

  function pick(o: CitySuggestion) {
    setValue(o.label);
    setOptions([]);
    setAnnounce("");
    close();
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      if (!options.length) return;
      e.preventDefault();
      setOpen(true);
      const step = e.key === "ArrowDown" ? 1 : -1;
      setActive((i) => (i === -1 ? (step === 1 ? 0 : options.length - 1) : (i + step + options.length) % options.length));
    } else if (e.key === "Enter" && open && active >= 0) {
      // Enter takes the highlighted town instead of submitting the form with a half-typed name.
      e.preventDefault();
      pick(options[active]);
    } else if (e.key === "Escape" && open) {
      e.preventDefault();
      close();
    }
  }

  const described = [`${name}-example`, hint ? `${name}-hint` : null, hydrated ? `${name}-howto` : null, error ? `${name}-error` : null].filter(Boolean).join(" ");
  const expanded = open && options.length > 0;
  return (
    <div className={`field city-field${error ? " has-error" : ""}`}>
      <label htmlFor={name}>
        {label}
        {required ? <span className="required"> {t.common.required}</span> : null}
      </label>
      <div className="city-field-box">
        <input
          id={name}
          name={name}
          type="text"
          value={value}
          autoComplete="off"
          autoCapitalize="words"
          spellCheck={false}
          maxLength={120}
          required={required}
          aria-invalid={error ? true : undefined}
          aria-describedby={described}
          {...(hydrated
            ? { role: "combobox", "aria-autocomplete": "list" as const, "aria-expanded": expanded, "aria-controls": listId, "aria-activedescendant": expanded && active >= 0 ? optionId(active) : undefined }
            : {})}
          onChange={(e) => {
            setValue(e.target.value);
            ask(e.target.value);
          }}
          onKeyDown={onKeyDown}
          onBlur={close}
        />
        {hydrated ? (
          <ul id={listId} role="listbox" aria-label={t.cityField.suggestionsLabel} className="city-field-list" hidden={!expanded}>
            {options.map((o, i) => (
              <li
                key={o.label}
                id={optionId(i)}
                role="option"
                aria-selected={i === active}
                className={i === active ? "active" : undefined}
                // Keeps focus in the input (the blur would close the list before the click lands).
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => pick(o)}
              >
                {o.name} <span className="city-field-voivodeship">{o.voivodeship}</span>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <p id={`${name}-example`} className="field-hint">
        {t.cityField.hint}
      </p>
      {hint ? (
        <p id={`${name}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      {hydrated ? (
        <p id={`${name}-howto`} className="visually-hidden">
          {t.cityField.suggestionsHint}
        </p>
      ) : null}
      <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
        {announce}
      </div>
      {error ? (
        <p id={`${name}-error`} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

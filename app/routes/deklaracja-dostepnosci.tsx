import type { MetaFunction } from "@remix-run/node";
import { t } from "../../domain/i18n";

export const meta: MetaFunction = () => [{ title: `${t.accessibility.title} — ${t.common.appName}` }];

// The ids (a11y-*) follow the gov.pl statement template, so the ministry's monitoring tools find each part.
export default function AccessibilityStatement() {
  const a = t.accessibility;
  return (
    <article id="a11y-deklaracja" className="prose" aria-labelledby="a11y-title">
      <h1 id="a11y-title">{a.title}</h1>
      <div>
        <p id="a11y-wstep">
          <span id="a11y-podmiot">{a.entity}</span> {a.intro.before}{" "}
          <a id="a11y-url" href="/">
            {a.site}
          </a>
          .
        </p>
        <ul>
          <li>
            {a.dates.published} <time id="a11y-data-publikacja" dateTime={a.dates.publishedOn}>{a.dates.publishedOn}</time>
          </li>
          <li>
            {a.dates.updated} <time id="a11y-data-aktualizacja" dateTime={a.dates.updatedOn}>{a.dates.updatedOn}</time>
          </li>
        </ul>
      </div>
      <section aria-labelledby="a11y-status-h">
        <h2 id="a11y-status-h">{a.status.heading}</h2>
        <p id="a11y-status">{a.status.text}</p>
      </section>
      <section aria-labelledby="a11y-niedostepne-h">
        <h2 id="a11y-niedostepne-h">{a.inaccessible.heading}</h2>
        <ul>
          {a.inaccessible.items.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="a11y-przygotowanie-h">
        <h2 id="a11y-przygotowanie-h">{a.preparation.heading}</h2>
        <p>
          {a.preparation.date} <time id="a11y-data-sporzadzenie" dateTime={a.preparation.preparedOn}>{a.preparation.preparedOn}</time>
        </p>
        <p id="a11y-ocena">{a.preparation.method}</p>
      </section>
      <section aria-labelledby="a11y-kontakt">
        <h2 id="a11y-kontakt">{a.contact.heading}</h2>
        <p>{a.contact.text}</p>
        <ul>
          <li>
            {a.contact.person} <span id="a11y-osoba">{a.contact.personName}</span>
          </li>
          <li>
            {a.contact.email}{" "}
            <a id="a11y-email" href={`mailto:${a.contact.emailAddress}`}>
              {a.contact.emailAddress}
            </a>
          </li>
          <li>
            {a.contact.phone}{" "}
            <a id="a11y-telefon" href={`tel:${a.contact.phoneNumber.replace(/\s/g, "")}`}>
              {a.contact.phoneNumber}
            </a>
          </li>
        </ul>
      </section>
      <section aria-labelledby="a11y-procedura">
        <h2 id="a11y-procedura">{a.procedure.heading}</h2>
        {a.procedure.paragraphs.map((p) => (
          <p key={p}>{p}</p>
        ))}
        <p>
          {a.procedure.ombudsman} <a href={a.procedure.ombudsmanUrl}>{a.procedure.ombudsmanName}</a>.
        </p>
      </section>
      <section aria-labelledby="a11y-architektura">
        <h2 id="a11y-architektura">{a.architecture.heading}</h2>
        <p>
          <strong>{a.architecture.address}</strong>
        </p>
        {a.architecture.paragraphs.map((p) => (
          <p key={p}>{p}</p>
        ))}
      </section>
      <section aria-labelledby="a11y-aplikacje">
        <h2 id="a11y-aplikacje">{a.apps.heading}</h2>
        <p>{a.apps.text}</p>
      </section>
    </article>
  );
}

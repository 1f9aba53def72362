import { notifications as t } from "../../../domain/i18n/pl/notifications.js";

/** What a notification mail says; the template lays it out as accessible HTML (MJML) and as plain text. */
export type MailContent = {
  greetingName: string;
  lead: string;
  facts?: { label: string; value: string }[];
  actions?: { label: string; href: string }[];
  /** Non-transactional mails name the settings and a one-click unsubscribe link. */
  settingsUrl: string;
  unsubscribeUrl?: string;
};

const esc = (v: string) => v.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Renders a mail as HTML (MJML → tables that every client shows; lang="pl", real links, no images) and plain text. */
export async function renderNotificationMail(c: MailContent): Promise<{ html: string; text: string }> {
  const footer = c.unsubscribeUrl ? t.mail.footerOptional : t.mail.footerTransactional;
  const facts = (c.facts ?? []).map((f) => `<mj-text><strong>${esc(f.label)}:</strong> ${esc(f.value)}</mj-text>`).join("");
  const actions = (c.actions ?? [])
    .map((a, i) =>
      i === 0
        ? `<mj-button href="${esc(a.href)}" background-color="#0b4f8a" color="#ffffff" align="left">${esc(a.label)}</mj-button>`
        : `<mj-text><a href="${esc(a.href)}" style="color:#0b4f8a">${esc(a.label)}</a></mj-text>`,
    )
    .join("");
  const links = [`<a href="${esc(c.settingsUrl)}" style="color:#333">${esc(t.mail.settings)}</a>`, ...(c.unsubscribeUrl ? [`<a href="${esc(c.unsubscribeUrl)}" style="color:#333">${esc(t.mail.unsubscribe)}</a>`] : [])].join(" · ");
  const source = `<mjml lang="pl"><mj-head><mj-attributes><mj-all font-family="Arial, sans-serif" /><mj-text font-size="16px" line-height="1.5" color="#1a1a1a" /></mj-attributes></mj-head>
<mj-body background-color="#f4f4f4"><mj-section background-color="#ffffff"><mj-column>
<mj-text><h1 style="font-size:20px;margin:0">${esc(t.mail.greeting(c.greetingName))}</h1></mj-text>
<mj-text>${esc(c.lead)}</mj-text>${facts}${actions}
<mj-text>${esc(t.mail.signature)}</mj-text>
</mj-column></mj-section><mj-section><mj-column><mj-text font-size="13px" color="#333333">${esc(footer)}<br/>${links}</mj-text></mj-column></mj-section></mj-body></mjml>`;
  // Loaded with the first mail: MJML and its components are about 16 MB of heap, held from then on; a process that
  // sends no mail (or not yet) does not carry them.
  const { default: mjml2html } = await import("mjml");
  const { html, errors } = await mjml2html(source, { validationLevel: "strict" });
  if (errors.length) throw new Error(`mail template: ${errors.map((e) => e.formattedMessage).join("; ")}`);
  const text = [
    t.mail.greeting(c.greetingName),
    "",
    c.lead,
    ...((c.facts ?? []).length ? ["", ...(c.facts ?? []).map((f) => `${f.label}: ${f.value}`)] : []),
    ...((c.actions ?? []).length ? ["", ...(c.actions ?? []).map((a) => `${a.label}: ${a.href}`)] : []),
    "",
    t.mail.signature,
    "",
    "--",
    footer,
    `${t.mail.settings}: ${c.settingsUrl}`,
    ...(c.unsubscribeUrl ? [`${t.mail.unsubscribe}: ${c.unsubscribeUrl}`] : []),
  ].join("\n");
  return { html, text };
}

import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type Nodemailer from "nodemailer";

// Loaded only when SMTP is configured (~2 MB of heap otherwise carried by every server that writes mail to files).
const require = createRequire(import.meta.url);

/**
 * One message. `text` is always there; notification mails add `html`, extra headers (List-Unsubscribe) and a calendar
 * invitation sent as a text/calendar alternative, which mail clients show as an invitation with Accept/Decline.
 */
export type Mail = {
  to: string;
  subject: string;
  text: string;
  html?: string;
  headers?: Record<string, string>;
  calendar?: { method: "REQUEST" | "CANCEL" | "PUBLISH"; content: string };
};
export type Mailer = { send: (mail: Mail) => Promise<void> };

/** Writes each message as JSON under dir, so development and tests can read what would have been sent. */
export function createFileMailer(dir: string, from: string): Mailer {
  mkdirSync(dir, { recursive: true });
  let seq = 0;
  return {
    async send(mail) {
      const name = `${Date.now()}-${String(++seq).padStart(4, "0")}-${mail.to.replace(/[^a-z0-9@.-]/gi, "_")}.json`;
      writeFileSync(path.join(dir, name), JSON.stringify({ from, ...mail, sentAt: new Date().toISOString() }, null, 2));
    },
  };
}

/** Sends through SMTP (SMTP_URL, e.g. smtps://user:pass@host:465). */
export function createSmtpMailer(url: string, from: string): Mailer {
  const nodemailer = require("nodemailer") as typeof Nodemailer;
  const transport = nodemailer.createTransport(url);
  return {
    async send(mail) {
      await transport.sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        ...(mail.html ? { html: mail.html } : {}),
        ...(mail.headers ? { headers: mail.headers } : {}),
        ...(mail.calendar ? { icalEvent: { method: mail.calendar.method, filename: "zaproszenie.ics", content: mail.calendar.content } } : {}),
      });
    },
  };
}

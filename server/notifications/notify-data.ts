import type { Mail } from "../mail/mailer.js";
import type { MailContent } from "../mail/templates/notification-mail.js";

/** What `notify` tells a person: the in-app line and, when they get mail, the mail's subject and body. */
export type NotifyData = {
  title: string;
  body: string;
  /** Path on this site ("/wydarzenia/x"); made absolute for mail. */
  path?: string;
  mail?: Pick<MailContent, "lead" | "facts" | "actions"> & { subject: string; calendar?: (recipient: { name: string; email: string }) => Mail["calendar"] };
};

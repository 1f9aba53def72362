import { Form } from "@remix-run/react";
import { Link } from "./link";
import { CsrfInput } from "~/components/csrf-input";
import { t } from "../../domain/i18n";

export const AGREEMENT_STATUSES = ["open", "in_progress", "done", "dropped"] as const;

/** Changes one agreement's status (intent `agreement-status`): on the network page for members and on the staff screen. */
export function AgreementStatusForm({ agreement }: { agreement: { id: number; title: string; status: string } }) {
  return (
    <Form method="post" className="inline-form">
      <CsrfInput />
      <input type="hidden" name="intent" value="agreement-status" />
      <input type="hidden" name="agreementId" value={agreement.id} />
      <label>
        <span className="visually-hidden">{`${t.networks.agreementStatus}: ${agreement.title}`}</span>
        <select name="status" defaultValue={agreement.status}>
          {AGREEMENT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t.networks.agreementStatuses[s]}
            </option>
          ))}
        </select>
      </label>{" "}
      <button type="submit">{t.networks.agreementUpdate}</button>
    </Form>
  );
}

/** An agreement's title, with the meeting it came from linked below it (network page and staff screen alike). */
export function AgreementTitle({ agreement }: { agreement: { title: string; eventSlug: string | null; eventTitle: string | null } }) {
  return (
    <>
      {agreement.title}
      {agreement.eventSlug ? (
        <div className="card-meta">
          {t.networks.agreementMeeting}: <Link to={`/wydarzenia/${agreement.eventSlug}`}>{agreement.eventTitle}</Link>
        </div>
      ) : null}
    </>
  );
}

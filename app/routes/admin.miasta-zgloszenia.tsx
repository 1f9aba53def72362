import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { can, CityClaimError, claimDecisionSchema, coordinatorSchema, isNamedError } from "~/lib/server-modules.server";
import { AdminTabs } from "~/components/admin-tabs";
import { DataTable } from "~/components/data-table";
import { CsrfInput } from "~/components/csrf-input";
import { t } from "../../domain/i18n";
import { formToObject, readForm } from "~/lib/forms.server";
import { permissionResponse, requirePermission } from "~/lib/guards.server";

// The review queue for city affiliation claims (issue 10): admins see every city, coordinators their own.
export const meta: MetaFunction = () => [{ title: `${t.cityClaims.queueTitle} — ${t.common.appName}` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, "city-claim:review");
  const services = context.services;
  const queue = await services.cityClaims.queue(actor);
  const admin = can(actor, "city-coordinator:manage");
  const representatives = admin ? await services.cityClaims.representatives(actor) : [];
  return json({
    admin,
    scopeCity: queue.scopedToCityId === null ? null : (context.user!.cityName ?? ""),
    pending: queue.pending,
    decided: queue.decided,
    representatives: representatives.map((r) => ({ ...r, cityCoordinator: r.cityCoordinator === 1 })),
  });
}

type Result = { ok: boolean; message: string };

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = requirePermission(context, request, "city-claim:review");
  const form = await readForm(request, context);
  const values = formToObject(form);
  const intent = form.get("intent");
  const claims = context.services.cityClaims;
  try {
    if (intent === "decide") {
      const parsed = claimDecisionSchema.safeParse(values);
      if (!parsed.success) return json<Result>({ ok: false, message: t.cityClaims.badDecision }, { status: 400 });
      const r = await claims.decide(actor, parsed.data, { ip: context.clientIp });
      return json<Result>({ ok: true, message: r.status === "accepted" ? t.cityClaims.accepted(r.name, r.cityName) : t.cityClaims.rejected(r.name, r.cityName) });
    }
    if (intent === "coordinator") {
      const parsed = coordinatorSchema.safeParse(values);
      if (!parsed.success) return json<Result>({ ok: false, message: t.common.errors.badRequestTitle }, { status: 400 });
      const r = await claims.setCoordinator(actor, parsed.data);
      return json<Result>({ ok: true, message: parsed.data.coordinator ? t.cityClaims.coordinatorSet(r.name) : t.cityClaims.coordinatorRemoved(r.name) });
    }
  } catch (error) {
    if (isNamedError(error, CityClaimError)) return json<Result>({ ok: false, message: error.message }, { status: error.status });
    permissionResponse(error, request);
  }
  return json<Result>({ ok: false, message: t.common.errors.badRequestTitle }, { status: 400 });
}

const when = new Intl.DateTimeFormat("pl-PL", { timeZone: "Europe/Warsaw", dateStyle: "short", timeStyle: "short" });

export default function CityClaimsQueue() {
  const { admin, scopeCity, pending, decided, representatives } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as Result | undefined;
  const tc = t.cityClaims;
  return (
    <>
      <h1>{admin ? t.admin.title : tc.queueTitle}</h1>
      {admin ? <AdminTabs current="/admin/miasta-zgloszenia" /> : null}
      {result ? (
        <p className={`notice ${result.ok ? "notice-ok" : "notice-warn"}`} role="status">
          {result.message}
        </p>
      ) : null}
      <p>{tc.queueIntro}</p>
      {scopeCity !== null ? <p>{tc.coordinatorScope(scopeCity)}</p> : null}

      <section aria-labelledby="claims-pending">
        <h2 id="claims-pending">{tc.pending}</h2>
        <DataTable
          caption={tc.pending}
          rows={pending}
          rowKey={(c) => c.id}
          empty={tc.noPending}
          columns={[
            { header: tc.person, cell: (c) => c.userName, rowHeader: true },
            { header: tc.email, cell: (c) => c.userEmail },
            { header: tc.position, cell: (c) => c.position },
            { header: tc.city, cell: (c) => c.cityName },
            { header: tc.claimedAt, cell: (c) => when.format(new Date(c.createdAt)) },
          ]}
          actions={{
            header: tc.decision,
            cell: (c) => (
              <Form method="post" className="actions" aria-label={tc.decisionFor(c.userName, c.cityName)}>
                <CsrfInput />
                <input type="hidden" name="intent" value="decide" />
                <input type="hidden" name="claimId" value={c.id} />
                <label className="visually-hidden" htmlFor={`reason-${c.id}`}>
                  {tc.reasonFor(c.userName)}
                </label>
                <input id={`reason-${c.id}`} name="reason" type="text" maxLength={500} placeholder={tc.reason} />
                <button type="submit" name="decision" value="accept" className="button button-small">
                  {tc.accept}
                </button>
                <button type="submit" name="decision" value="reject" className="button button-small">
                  {tc.reject}
                </button>
              </Form>
            ),
          }}
        />
      </section>

      <section aria-labelledby="claims-history">
        <h2 id="claims-history">{tc.history}</h2>
        <DataTable
          caption={tc.history}
          rows={decided}
          rowKey={(c) => c.id}
          empty={tc.noHistory}
          columns={[
            { header: tc.person, cell: (c) => c.userName, rowHeader: true },
            { header: tc.city, cell: (c) => c.cityName },
            { header: tc.claimedAt, cell: (c) => when.format(new Date(c.createdAt)) },
            { header: tc.outcome, cell: (c) => tc.status[c.status] },
            { header: tc.reason, cell: (c) => c.reason },
            { header: tc.decidedBy, cell: (c) => c.deciderName ?? tc.system },
            { header: tc.decidedAt, cell: (c) => (c.decidedAt ? when.format(new Date(c.decidedAt)) : null) },
          ]}
        />
      </section>

      {admin ? (
        <section aria-labelledby="city-coordinators">
          <h2 id="city-coordinators">{tc.coordinators}</h2>
          <p>{tc.coordinatorsIntro}</p>
          <DataTable
            caption={tc.coordinators}
            rows={representatives}
            rowKey={(r) => r.id}
            empty={tc.noRepresentatives}
            columns={[
              { header: tc.person, cell: (r) => r.name, rowHeader: true },
              { header: tc.position, cell: (r) => r.position },
              { header: tc.city, cell: (r) => r.cityName },
            ]}
            actions={{
              header: tc.coordinator,
              cell: (r) => (
                <Form method="post" className="actions">
                  <CsrfInput />
                  <input type="hidden" name="intent" value="coordinator" />
                  <input type="hidden" name="userId" value={r.id} />
                  <input type="hidden" name="coordinator" value={r.cityCoordinator ? "0" : "1"} />
                  <span>{r.cityCoordinator ? tc.yes : tc.no}</span>{" "}
                  <button type="submit" className="button button-small">
                    {r.cityCoordinator ? tc.removeCoordinator(r.name) : tc.makeCoordinator(r.name)}
                  </button>
                </Form>
              ),
            }}
          />
        </section>
      ) : null}
    </>
  );
}

import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Link } from "~/components/link";
import { CityField } from "~/components/city-field";
import { CsrfInput } from "~/components/csrf-input";
import { DataTable } from "~/components/data-table";
import { Field } from "~/components/field";
import { NetworkAdminNav, StaffNotice } from "~/components/network-admin-nav";
import { NetworkForm, networkFormValues } from "~/components/network-form";
import { cityFieldMessage } from "~/lib/city-field.server";
import { formToObject, readForm, validate } from "~/lib/forms.server";
import { requirePermission } from "~/lib/guards.server";
import { readNetworkForm, requireManagedNetwork, staffBad, staffFailure, staffOk, unknownIntent, type StaffResult } from "~/lib/network-staff.server";
import { cityAddSchema, cityRemoveSchema, personAddSchema, personQuerySchema, personRemoveSchema } from "~/lib/server-modules.server";
import { t } from "../../domain/i18n";

const S = t.networks.staff;
const ROLES = ["expert", "partner", "coordinator"] as const;

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${S.editTitle(data.network.name)} — ${t.common.appName}` : t.common.appName }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { actor, view } = await requireManagedNetwork(context, request, params.slug);
  const query = new URL(request.url).searchParams.get("osoba") ?? "";
  const q = personQuerySchema.safeParse(query);
  const [areas, leaderCity, found] = await Promise.all([context.services.areas.list(), context.services.cities.fieldText(view.network.leaderCityId), q.success ? context.services.networks.searchPeople(actor, q.data) : Promise.resolve(null)]);
  return json({
    ...view,
    areas: areas.map((a) => ({ slug: a.slug, name: a.name })),
    leaderCity,
    personQuery: query.slice(0, 80),
    // People already in the network are shown as such, not offered again.
    personResults: found?.map((p) => ({ ...p, current: view.people.find((x) => x.userId === p.id && x.leftOn === null)?.role ?? null })) ?? null,
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = requirePermission(context, request, "network:manage");
  const form = await readForm(request, context);
  const nets = context.services.networks;
  const slug = params.slug ?? "";
  const intent = String(form.get("intent") ?? "");
  const data = formToObject(form);
  try {
    if (intent === "network") {
      const read = await readNetworkForm(context, data);
      if (!read.ok) return staffBad(intent, read.fieldErrors, data);
      const saved = await nets.updateNetwork(actor, slug, read.form, read.leaderCityId);
      if (saved !== slug) return redirect(`/admin/sieci/${saved}?zapisano=1`);
      return staffOk(intent, S.saved);
    }
    if (intent === "city-add") {
      const v = validate(cityAddSchema, data);
      if (!v.ok) return staffBad(intent, v.fieldErrors, data);
      const r = await context.services.cities.resolveName(v.data.city);
      if (r.status !== "found") return staffBad(intent, { city: cityFieldMessage(v.data.city, r) }, data);
      await nets.addCity(actor, slug, r.city.slug, v.data.joinedOn);
      return staffOk(intent, S.cityAdded(r.city.name));
    }
    if (intent === "city-remove") {
      const v = validate(cityRemoveSchema, data);
      if (!v.ok) return staffBad(intent, v.fieldErrors);
      await nets.removeCity(actor, slug, v.data.citySlug, v.data.leftOn);
      return staffOk(intent, S.cityRemoved(String(data.cityName ?? v.data.citySlug)));
    }
    if (intent === "person-add") {
      const v = validate(personAddSchema, data);
      if (!v.ok) return staffBad(intent, v.fieldErrors);
      const person = await context.services.users.byId(v.data.userId);
      if (!person || person.disabledAt) return staffBad(intent, { userId: S.unknownPerson });
      await nets.addPerson(actor, slug, v.data.userId, v.data.role);
      return staffOk(intent, S.personAdded(person.name));
    }
    if (intent === "person-remove") {
      const v = validate(personRemoveSchema, data);
      if (!v.ok) return staffBad(intent, v.fieldErrors);
      await nets.removePerson(actor, slug, v.data.userId);
      const person = await context.services.users.byId(v.data.userId);
      return staffOk(intent, S.personRemoved(person?.name ?? ""));
    }
  } catch (error) {
    return staffFailure(error, request, intent, data, (f) => (f === "citySlug" ? "city" : f));
  }
  return unknownIntent();
}

/** One network's details, member cities (with their history) and people. */
export default function ManageNetwork() {
  const { network, areas, leaderCity, cities, people, personQuery, personResults } = useLoaderData<typeof loader>();
  const result = useActionData<StaffResult>();
  const [params] = useSearchParams();
  const errorsOf = (intent: string) => (result?.intent === intent ? (result.fieldErrors ?? {}) : {});
  const formValues =
    result?.intent === "network" && result.values
      ? networkFormValues(result.values)
      : { name: network.name, slug: network.slug, description: network.description, areas: network.areas, leaderCity, status: network.status, startYear: String(network.startYear), endYear: network.endYear ? String(network.endYear) : "" };
  const fresh = params.get("utworzono") ? S.created : params.get("zapisano") ? S.saved : null;
  const cityErrors = errorsOf("city-add");
  return (
    <section aria-labelledby="network-admin-title">
      <NetworkAdminNav slug={network.slug} name={network.name} current="" />
      <StaffNotice result={result ?? (fresh ? { ok: true, message: fresh } : undefined)} />

      <section aria-labelledby="details-title">
        <h2 id="details-title">{S.sections.details}</h2>
        <NetworkForm values={formValues} errors={errorsOf("network")} areas={areas} submit={S.save} />
      </section>

      <section aria-labelledby="cities-title">
        <h2 id="cities-title">{S.cities}</h2>
        <DataTable
          caption={S.cityHistory}
          captionVisible
          rows={cities}
          rowKey={(c) => `${c.cityId}-${c.joinedOn}`}
          empty={S.noCities}
          columns={[
            { header: S.cityColumns.city, rowHeader: true, cell: (c) => <Link to={`/miasta/${c.slug}`}>{c.name}</Link> },
            { header: S.cityColumns.joined, cell: (c) => c.joinedOn },
            { header: S.cityColumns.left, cell: (c) => c.leftOn ?? S.stillMember },
          ]}
          actions={{
            header: S.cityColumns.action,
            cell: (c) =>
              c.leftOn === null ? (
                <Form method="post" className="inline-form">
                  <CsrfInput />
                  <input type="hidden" name="intent" value="city-remove" />
                  <input type="hidden" name="citySlug" value={c.slug} />
                  <input type="hidden" name="cityName" value={c.name} />
                  <label>
                    <span className="visually-hidden">{S.leftOn(c.name)}</span>
                    <input type="date" name="leftOn" />
                  </label>{" "}
                  <button type="submit" aria-label={S.removeCity(c.name)}>
                    {S.removeCityButton}
                  </button>
                </Form>
              ) : null,
          }}
        />
        <Form method="post" className="filters" aria-label={S.addCityButton}>
          <CsrfInput />
          <input type="hidden" name="intent" value="city-add" />
          <CityField label={S.addCity} name="city" required defaultValue={result?.intent === "city-add" && typeof result.values?.city === "string" ? result.values.city : ""} error={cityErrors.city} />
          <Field label={S.joinedOn} name="joinedOn" type="date" error={cityErrors.joinedOn} />
          <button type="submit">{S.addCityButton}</button>
        </Form>
      </section>

      <section aria-labelledby="people-title">
        <h2 id="people-title">{S.people}</h2>
        <DataTable
          caption={S.people}
          rows={people}
          rowKey={(p) => `${p.userId}-${p.joinedOn}-${p.role}`}
          empty={t.networks.noPeople}
          columns={[
            { header: S.peopleColumns.name, rowHeader: true, cell: (p) => [p.name, p.position].filter(Boolean).join(", ") },
            { header: S.peopleColumns.role, cell: (p) => t.networks.roles[p.role] },
            { header: S.peopleColumns.joined, cell: (p) => p.joinedOn },
            { header: S.peopleColumns.left, cell: (p) => p.leftOn },
          ]}
          actions={{
            header: S.peopleColumns.action,
            cell: (p) =>
              p.leftOn === null ? (
                <Form method="post" className="inline-form">
                  <CsrfInput />
                  <input type="hidden" name="intent" value="person-remove" />
                  <input type="hidden" name="userId" value={p.userId} />
                  <button type="submit" aria-label={S.removePerson(p.name)}>
                    {S.removePersonButton}
                  </button>
                </Form>
              ) : null,
          }}
        />
        <Form method="get" className="filters" role="search" aria-label={S.personSearch}>
          <Field label={S.personSearch} name="osoba" type="search" minLength={2} maxLength={80} defaultValue={personQuery} hint={S.personSearchHint} />
          <button type="submit">{S.personSearchButton}</button>
        </Form>
        {personResults ? (
          <section aria-labelledby="person-results-title">
            <h3 id="person-results-title">{S.personResults(personQuery)}</h3>
            {errorsOf("person-add").userId ? (
              <p className="field-error" role="alert">
                {errorsOf("person-add").userId}
              </p>
            ) : null}
            {personResults.length ? (
              <ul className="plain-list stack">
                {personResults.map((p) => (
                  <li key={p.id}>
                    {p.current ? (
                      <>
                        <strong>{p.name}</strong> <span className="card-meta">{[p.position, p.cityName, S.personAlready(t.networks.roles[p.current])].filter(Boolean).join(" · ")}</span>
                      </>
                    ) : (
                      <Form method="post" className="inline-form">
                        <CsrfInput />
                        <input type="hidden" name="intent" value="person-add" />
                        <input type="hidden" name="userId" value={p.id} />
                        <strong>{p.name}</strong> <span className="card-meta">{[p.position, p.cityName].filter(Boolean).join(" · ")}</span>{" "}
                        <label>
                          <span className="visually-hidden">{S.personRole(p.name)}</span>
                          <select name="role" defaultValue="expert">
                            {ROLES.map((r) => (
                              <option key={r} value={r}>
                                {t.networks.roles[r]}
                              </option>
                            ))}
                          </select>
                        </label>{" "}
                        <button type="submit">{S.addPerson(p.name)}</button>
                      </Form>
                    )}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="empty-state">{S.personNone}</p>
            )}
          </section>
        ) : null}
      </section>
    </section>
  );
}

import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { cityListQuerySchema } from "~/lib/route-schemas.server";
import { Field, Select } from "~/components/field";
import { t } from "../../domain/i18n";
import { formatNumber } from "~/lib/format";
import { DataTable } from "~/components/data-table";

export const meta: MetaFunction = () => [{ title: `${t.cities.title} — ${t.common.appName}` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const q = cityListQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const { cities: directory } = context.services;
  const [cities, voivodeships] = await Promise.all([directory.list({ q: q.q || undefined, voivodeship: q.woj || undefined, sizeClass: q.wielkosc }), directory.voivodeships()]);
  return json({ cities, voivodeships, query: q });
}

export default function Cities() {
  const { cities, voivodeships, query } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t.cities.title}</h1>
      <p>{t.cities.intro}</p>
      <Form method="get" className="filters" role="search" aria-label={t.cities.title}>
        <Field label={t.cities.search} name="q" type="search" defaultValue={query.q ?? ""} />
        <Select label={t.cities.voivodeship} name="woj" defaultValue={query.woj ?? ""}>
          <option value="">{t.cities.allVoivodeships}</option>
          {voivodeships.map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </Select>
        <Select label={t.cities.sizeClass} name="wielkosc" defaultValue={query.wielkosc ?? ""}>
          <option value="">{t.cities.allSizes}</option>
          {Object.entries(t.common.sizeClasses).map(([k, label]) => (
            <option key={k} value={k}>
              {label}
            </option>
          ))}
        </Select>
        <button type="submit" className="primary">
          {t.common.actions.filter}
        </button>
      </Form>
      <p role="status">{t.cities.count(cities.length)}</p>
      <DataTable
        caption={t.cities.title}
        rows={cities}
        rowKey={(c) => c.id}
        empty={t.cities.empty}
        columns={[
          { header: t.cities.title, cell: (c) => <Link to={`/miasta/${c.slug}`}>{c.name}</Link> },
          { header: t.cities.voivodeship, cell: (c) => c.voivodeship },
          { header: t.cities.county, cell: (c) => c.county },
          { header: t.cities.population, cell: (c) => (c.population > 0 ? formatNumber(c.population) : t.cities.populationUnknown) },
          { header: t.cities.sizeClass, cell: (c) => t.common.sizeClasses[c.sizeClass] },
        ]}
      />
      <p className="card-meta">{t.cities.source}</p>
    </>
  );
}

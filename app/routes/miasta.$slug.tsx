import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { LibraryCityPractices } from "~/components/library-city-practices";
import { t } from "../../domain/i18n";
import { formatNumber } from "~/lib/format";
import { actorOf, notFound } from "~/lib/guards.server";
import { CitySurveyAnswersSection } from "~/components/city-survey-answers";
import { NetworkLinkList } from "~/components/network-links";
import { FollowButton } from "~/components/follow-button";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.city.name} — ${t.common.appName}` : t.common.appName }];

export async function loader({ params, context }: LoaderFunctionArgs) {
  const { cities } = context.services;
  // An unconfirmed city (created by an import) stays out of public view until an admin confirms it.
  const city = await cities.publicProfile(params.slug ?? "");
  if (!city) notFound();
  const people = await cities.people(city.id);
  const practices = await context.services.library.cityPractices(city.id, actorOf(context));
  const networks = await context.services.networks.ofCity(city.id);
  // Empty for everyone but the city's verified representatives and staff: others never receive the answers.
  const surveyAnswers = await context.services.surveys.cityAnswers(actorOf(context), city.id);
  const following = context.user ? await context.services.notifications.isFollowing(context.user.id, "city", city.id) : null;
  return json({ city, people, practices, networks, surveyAnswers, following });
}

export default function CityPage() {
  const { city, people, practices, networks, surveyAnswers, following } = useLoaderData<typeof loader>();
  return (
    <article aria-labelledby="city-title">
      <p className="card-meta breadcrumb">
        <Link to="/miasta">{t.cities.title}</Link>
      </p>
      <h1 id="city-title">{city.name}</h1>
      <FollowButton target="city" slug={city.slug} name={city.name} following={following} />
      <dl className="facts">
        <dt>{t.cities.voivodeship}</dt>
        <dd>{city.voivodeship}</dd>
        <dt>{t.cities.county}</dt>
        <dd>{city.county}</dd>
        <dt>{t.cities.population}</dt>
        <dd>{city.population > 0 ? formatNumber(city.population) : t.cities.populationUnknown}</dd>
        <dt>{t.cities.sizeClass}</dt>
        <dd>{t.common.sizeClasses[city.sizeClass]}</dd>
        {city.teryt ? (
          <>
            <dt>{t.cities.teryt}</dt>
            <dd>{city.teryt}</dd>
          </>
        ) : null}
      </dl>
      <section aria-labelledby="city-networks-title">
        <h2 id="city-networks-title">{t.networks.cityNetworks}</h2>
        <NetworkLinkList networks={networks} empty={t.networks.cityNoNetworks} />
      </section>
      <CitySurveyAnswersSection responses={surveyAnswers} />
      <LibraryCityPractices practices={practices} />
      <section aria-labelledby="people-title">
        <h2 id="people-title">{t.cities.people}</h2>
        {people.length ? (
          <ul className="plain-list">
            {people.map((p) => (
              <li key={p.id} className="card">
                <strong>{p.name}</strong>
                <span className="card-meta">{[p.position, t.common.affiliations[p.affiliation]].filter(Boolean).join(" · ")}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="empty-state">{t.cities.noPeople}</p>
        )}
      </section>
    </article>
  );
}

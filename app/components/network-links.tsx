import { Link } from "./link";

/** Links to networks (a city's or an area's), or the given sentence when there are none. */
export function NetworkLinkList({ networks, empty }: { networks: { id: number; slug: string; name: string }[]; empty: string }) {
  if (!networks.length) return <p className="empty-state">{empty}</p>;
  return (
    <ul>
      {networks.map((n) => (
        <li key={n.id}>
          <Link to={`/sieci/${n.slug}`}>{n.name}</Link>
        </li>
      ))}
    </ul>
  );
}

/** A network's thematic areas as comma-separated links to their area pages. */
export function AreaLinks({ areas }: { areas: { slug: string; name: string }[] }) {
  return (
    <>
      {areas.map((a, i) => (
        <span key={a.slug}>
          {i ? ", " : ""}
          <Link to={`/obszary/${a.slug}`}>{a.name}</Link>
        </span>
      ))}
    </>
  );
}

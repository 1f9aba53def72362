import { t } from "../../domain/i18n";

export type MapCity = { slug: string; name: string; lat: number | null; lng: number | null };

// An equirectangular projection scaled by cos(52°) so Poland keeps its shape; 100 units per degree of latitude.
const WEST = 14;
const NORTH = 55;
const SCALE = 100;
const COS = Math.cos((52 * Math.PI) / 180);
const project = (lng: number, lat: number) => [Math.round((lng - WEST) * COS * SCALE), Math.round((NORTH - lat) * SCALE)] as const;

// A simplified outline of Poland's border (longitude, latitude), enough to place cities recognisably.
const OUTLINE: [number, number][] = [
  [14.2, 53.9], [15.9, 54.25], [17.5, 54.75], [18.6, 54.8], [18.9, 54.35], [19.6, 54.45], [22.8, 54.36], [23.5, 53.95], [23.9, 53.2],
  [23.6, 52.6], [23.2, 52.3], [23.6, 51.6], [24.1, 50.85], [23.5, 50.4], [22.6, 49.5], [22.9, 49.0], [22.0, 49.2], [20.9, 49.3],
  [19.8, 49.2], [19.3, 49.6], [18.8, 49.5], [18.0, 50.0], [17.6, 50.3], [16.9, 50.4], [16.2, 50.6], [15.0, 51.0], [14.8, 50.9],
  [15.0, 51.3], [14.7, 52.1], [14.1, 52.8], [14.4, 53.3],
];

/**
 * A map of Poland with the given cities as dots, drawn from their coordinates. The picture is described as one image;
 * the same cities are listed beside it as links, so nothing is only on the map.
 */
export function NetworkMap({ cities, id }: { cities: MapCity[]; id: string }) {
  const placed = cities.filter((c) => c.lat !== null && c.lng !== null);
  const [w, h] = project(24.3, 48.9);
  const outline = OUTLINE.map(([lng, lat]) => project(lng, lat).join(",")).join(" ");
  return (
    <div className="network-map">
      <svg viewBox={`0 0 ${w} ${h}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} className="network-map-svg">
        <title id={`${id}-title`}>{t.networks.mapTitle}</title>
        <desc id={`${id}-desc`}>{t.networks.mapDescription}</desc>
        <polygon points={outline} fill="#eef2f7" stroke="#23395d" strokeWidth="3" />
        {placed.map((c) => {
          const [x, y] = project(c.lng!, c.lat!);
          return <circle key={c.slug} cx={x} cy={y} r="9" fill="#c8102e" stroke="#fff" strokeWidth="2" />;
        })}
      </svg>
      <div>
        <h3 id={`${id}-list`}>{t.networks.mapList}</h3>
        <ul aria-labelledby={`${id}-list`} className="network-map-list">
          {cities.map((c) => (
            <li key={c.slug}>
              <a href={`/miasta/${c.slug}`}>{c.name}</a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

import type { SizeClass } from "../../domain/city-size.js";

const SIZES: SizeClass[] = ["small", "medium", "large"];

/** The results filters from the query string (?woj=…&wielkosc=…&siec=…); unknown values are ignored, never an error. */
export function resultFilterFrom(url: URL): { voivodeship?: string; sizeClass?: SizeClass; network?: string } {
  const voivodeship = url.searchParams.get("woj")?.slice(0, 60) || undefined;
  const size = url.searchParams.get("wielkosc") as SizeClass | null;
  // A network slug that matches nothing filters to no cities, as an unknown voivodeship does.
  const network = url.searchParams.get("siec")?.slice(0, 100) || undefined;
  return { voivodeship, sizeClass: size && SIZES.includes(size) ? size : undefined, network };
}

import type { SizeClass } from "../../domain/city-size.js";

const SIZES: SizeClass[] = ["small", "medium", "large"];

/** The results filters from the query string (?woj=…&wielkosc=…); unknown values are ignored, never an error. */
export function resultFilterFrom(url: URL): { voivodeship?: string; sizeClass?: SizeClass } {
  const voivodeship = url.searchParams.get("woj")?.slice(0, 60) || undefined;
  const size = url.searchParams.get("wielkosc") as SizeClass | null;
  return { voivodeship, sizeClass: size && SIZES.includes(size) ? size : undefined };
}

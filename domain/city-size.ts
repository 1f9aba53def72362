/** How the directory groups towns by population. */
export type SizeClass = "small" | "medium" | "large";

/** Size class of a town as the directory filters it: small below 20,000 residents, large above 100,000. */
export function sizeClassOf(population: number): SizeClass {
  if (population > 100_000) return "large";
  if (population >= 20_000) return "medium";
  return "small";
}

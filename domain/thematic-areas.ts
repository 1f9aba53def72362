// The six thematic areas of the forum, from the founding document; slugs are fixed (imports and the API use them).
export const seedAreas = [
  {
    slug: "demografia",
    name: "Zmiany demograficzne",
    description: "Zmiany demograficzne i ich wpływ na potencjał rozwoju lokalnej społeczności.",
  },
  {
    slug: "gospodarka",
    name: "Rozwój gospodarczy",
    description: "Rozwój gospodarczy w oparciu o lokalne potencjały.",
  },
  {
    slug: "srodowisko-klimat",
    name: "Środowisko i klimat",
    description: "Rozwój zrównoważony uwzględniający środowisko naturalne, przeciwdziałanie i adaptację do zmian klimatu.",
  },
  {
    slug: "smart-city",
    name: "Miasta inteligentne",
    description: "Nowe technologie dla jakości życia mieszkańców i wsparcia zarządzania miastem (smart city).",
  },
  {
    slug: "finanse",
    name: "Polityka finansowa",
    description: "Aktywna lokalna polityka finansowa, w tym pozyskiwanie środków zewnętrznych na działania prorozwojowe.",
  },
  {
    slug: "nieruchomosci",
    name: "Zasób nieruchomości",
    description: "Gospodarowanie lokalnym zasobem nieruchomości w celu pełnego wykorzystania jego potencjału.",
  },
] as const;

export const areaSlugs = seedAreas.map((a) => a.slug);
export type AreaSlug = (typeof seedAreas)[number]["slug"];

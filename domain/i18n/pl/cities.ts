const plural = new Intl.PluralRules("pl");
/** "1 pozycja", "2 pozycje", "5 pozycji": Polish count forms chosen by Intl.PluralRules. */
const count = (n: number, forms: { one: string; few: string; many: string }) => {
  const r = plural.select(n);
  return `${n} ${r === "one" ? forms.one : r === "few" ? forms.few : forms.many}`;
};
const items = { one: "pozycja", few: "pozycje", many: "pozycji" };

export const cities = {
  title: "Miasta",
  intro: "Katalog miast uczestniczących w Forum Rozwoju Lokalnego: ludzie, dobre praktyki i sieci współpracy.",
  search: "Nazwa miasta",
  voivodeship: "Województwo",
  allVoivodeships: "Wszystkie województwa",
  sizeClass: "Wielkość",
  allSizes: "Wszystkie wielkości",
  population: "Liczba mieszkańców",
  county: "Powiat",
  teryt: "Kod TERYT",
  empty: "Nie znaleziono miast spełniających kryteria. Zmień nazwę lub wyczyść filtry.",
  count: (n: number) => `Znaleziono miast: ${n}`,
  people: "Osoby z miasta w Forum",
  noPeople: "Nikt z tego miasta nie założył jeszcze konta. Przedstawiciele miasta mogą wskazać je przy rejestracji.",
  practices: "Dobre praktyki miasta",
  noPractices: "Miasto nie ma jeszcze opisanych dobrych praktyk.",
  source: "Katalog miast na podstawie GeoNames (geonames.org), licencja CC BY 4.0; dane uzupełnione przez ZMP.",
  review: {
    tab: "Miasta do potwierdzenia",
    title: "Miasta do potwierdzenia",
    intro: "Te miejscowości dodał import biblioteki, bo nie było ich w katalogu. Nie są widoczne publicznie. Potwierdź miejscowość (podając województwo) albo połącz ją z miastem z katalogu, jeśli to inna pisownia tej samej nazwy.",
    empty: "Nie ma miejscowości czekających na potwierdzenie.",
    name: "Nazwa z importu",
    usage: "Powiązane",
    usageText: (itemCount: number, people: number) => `${count(itemCount, items)} biblioteki, osób: ${people}`,
    confirm: "Potwierdź",
    confirmFor: (name: string) => `Potwierdź miejscowość ${name}`,
    merge: "Połącz",
    mergeFor: (name: string) => `Połącz ${name} z miastem z katalogu`,
    into: "Miasto docelowe (nazwa, slug lub kod TERYT)",
    confirmed: (name: string) => `Potwierdzono miejscowość ${name}: jest już widoczna w katalogu.`,
    merged: (from: string, into: string, moved: number) => `Połączono „${from}” z miastem ${into}; przeniesiono ${count(moved, items)} biblioteki.`,
    gone: "Tej miejscowości nie ma już w kolejce (ktoś mógł ją właśnie potwierdzić lub połączyć).",
    targetUnknown: (v: string) => `Nie znaleźliśmy w katalogu miasta „${v}”. Wpisz nazwę, slug lub kod TERYT potwierdzonego miasta.`,
    targetRequired: "Wpisz miasto docelowe.",
    voivodeshipRequired: "Wybierz województwo z listy.",
    countyTooLong: "Nazwa powiatu może mieć najwyżej 80 znaków.",
  },
} as const;

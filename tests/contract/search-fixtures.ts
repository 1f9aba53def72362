// Realistic Polish documents for the search contract suite; each one exists to prove one rule (see comments).
import type { SearchDocument } from "../../search/types";

const filler = (n: number) =>
  Array.from({ length: n }, (_, i) => ["Rada", "miasta", "przyjęła", "uchwałę", "o", "programie", "wsparcia", "szkół", "i", "przedszkoli"][i % 10]).join(" ");

function doc(n: number, over: Partial<SearchDocument> & Pick<SearchDocument, "title" | "kind">): SearchDocument {
  return {
    id: `library:${n}`, group: "library", externalId: `frl-t-${n}`, slug: `doc-${n}`, summary: "", body: "", areas: [],
    tags: [], authors: [], city: null, cityName: null, year: null, eventId: null, date: null, url: `/biblioteka/doc-${n}`,
    ...over,
  };
}

export const fixtures: SearchDocument[] = [
  doc(1, {
    kind: "good_practice", title: "Budżet obywatelski w Dzierżoniowie",
    summary: "Mieszkańcy Dzierżoniowa co roku decydują o części wydatków inwestycyjnych.",
    body: "Głosowanie odbywa się elektronicznie i w punktach stacjonarnych. Rada seniorów wspiera promocję projektów.",
    areas: ["finanse", "demografia"], tags: ["partycypacja"], city: "dzierzoniow", cityName: "Dzierżoniów", year: 2021, date: "2021-05-10",
  }),
  doc(2, {
    kind: "publication", title: "Rewitalizacja śródmieścia Łodzi",
    summary: "Program remontów kamienic i podwórek w centrum Łodzi.",
    body: "Doświadczenia z rewitalizacji w dużych miastach pokazują znaczenie pracy ze wspólnotami.",
    areas: ["nieruchomosci"], city: "lodz", cityName: "Łódź", year: 2019, date: "2019-03-01",
  }),
  doc(3, {
    kind: "tool", title: "Monitor Rozwoju Lokalnego", summary: "Narzędzie do analizy wskaźników rozwoju gmin.",
    areas: ["gospodarka", "demografia"], year: 2023, date: "2023-01-15",
  }),
  doc(4, {
    kind: "recording", title: "Nagranie: jak czytać wskaźniki w MRL", summary: "Zapis webinarium dla samorządowców.",
    areas: ["gospodarka"], year: 2023, eventId: 7, date: "2023-06-20",
  }),
  doc(5, {
    kind: "good_practice", title: "Zielone dachy na przystankach w Kaliszu", summary: "Rozchodniki na wiatach przystankowych.",
    body: "Każdy zielony dach zatrzymuje wodę opadową.", areas: ["srodowisko-klimat"], city: "kalisz", cityName: "Kalisz", year: 2022, date: "2022-08-01",
  }),
  // Attribute rule: the same word in the title (6), the summary (7) and the body (8).
  // Members-only network materials (issue 14): found only with a filter naming one of their networks.
  doc(6, { kind: "material", title: "Kompostownik dla każdego domu", summary: "Instrukcja dla mieszkańców.", areas: ["srodowisko-klimat"], year: 2020, date: "2020-04-02", membersOf: ["1"] }),
  doc(7, {
    kind: "good_practice", title: "Odpady zielone w gminie", summary: "Gmina rozdaje mieszkańcom kompostownik i worki na kompost.",
    areas: ["srodowisko-klimat"], year: 2020, date: "2020-09-09", membersOf: ["1", "2"],
  }),
  doc(8, {
    kind: "publication", title: "Gospodarka odpadami komunalnymi", summary: "Segregacja w budynkach wielorodzinnych.",
    body: "Przydomowy kompostownik zmniejsza ilość odpadów.", areas: ["srodowisko-klimat"], year: 2018, date: "2018-02-11",
  }),
  // Escaping: markup in content must come back inert.
  doc(9, {
    kind: "publication", title: "Bezpieczeństwo formularzy <script>alert(1)</script>", summary: "Tekst z <b>pogrubieniem</b> & znakami",
    areas: ["smart-city"], year: 2024, date: "2024-01-05",
  }),
  // Cropping: one match in the middle of a long body.
  doc(10, {
    kind: "publication", title: "Energia słoneczna na dachach szkół", summary: "Poradnik dla dyrektorów.",
    body: `${filler(80)} Instalacje fotowoltaiki obniżyły rachunki o połowę. ${filler(80)}`, areas: ["srodowisko-klimat"], year: 2022, date: "2022-11-30",
  }),
  // Typo rule: "kompot" is one typo away from "kompost".
  doc(11, { kind: "material", title: "Kompot i ciasto na festynie w Żorach", areas: ["demografia"], city: "zory", cityName: "Żory", year: 2017, date: "2017-07-07" }),
  // Words rule: only "budżet"; inflection: "miasto".
  doc(14, {
    kind: "publication", title: "Budżet na kolejny rok", summary: "Jak miasto planuje wydatki bieżące.", areas: ["finanse"], year: 2024, date: "2024-10-01",
  }),
  // Proximity rule: both words present but far apart.
  doc(15, {
    kind: "good_practice", title: "Remont dachu ratusza", summary: "Wymiana pokrycia i rynien.",
    body: "Wokół ratusza powstał zielony skwer z ławkami i fontanną.", areas: ["nieruchomosci"], year: 2016, date: "2016-05-05",
  }),
  // Exactness rule: "park" exact (16) versus the prefix "parkingi" (17).
  doc(16, { kind: "good_practice", title: "Park miejski w Jaworznie", areas: ["srodowisko-klimat"], city: "jaworzno", cityName: "Jaworzno", year: 2021, date: "2021-09-01" }),
  doc(17, { kind: "good_practice", title: "Parkingi buforowe przy dworcu", areas: ["smart-city"], year: 2022, date: "2022-03-03" }),
];

export const fixtureSynonyms: string[][] = [["mrl", "monitor rozwoju lokalnego"]];

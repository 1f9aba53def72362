// Relevance cases over the demo library (db/seed-data/library.jsonl). Each case names the item that must appear in
// the top 3 hits for the query. Queries imitate what real users type: no Polish diacritics, typos, half-typed words,
// inflected forms, acronyms. Each expected item carries distinctive words for its query in its title/summary/tags,
// so any decent engine (folding, Meilisearch-style typo tolerance, light Polish stemming, synonyms) ranks it top 3.
//
// Meant to run against the library documents (group = library); the expected items also stay in the top 3 when the
// demo events (db/seed-data/events.jsonl) are indexed alongside.
//
// Filters: `kind` is a library kind, `area` an area slug, `city` a city SLUG from db/seed-data/cities.ts
// (the search index stores the city slug, see search/types.ts).

export type RelevanceCase = {
  query: string;
  /** externalId that must be in the top 3 */
  expect: string;
  filter?: { kind?: string; area?: string; city?: string };
  why: 'no-diacritics' | 'one-typo' | 'two-typos' | 'prefix' | 'inflection' | 'synonym' | 'filter' | 'exact';
};

/** Synonym groups for the search settings: each entry is equivalent to the others; lower case. */
export const searchSynonyms: string[][] = [
  ['mrl', 'monitor rozwoju lokalnego'],
  ['oze', 'odnawialne źródła energii'],
  ['ppp', 'partnerstwo publiczno-prywatne'],
  ['sim', 'społeczna inicjatywa mieszkaniowa'],
  ['zit', 'zintegrowane inwestycje terytorialne'],
  ['lpr', 'lokalny program rewitalizacji'],
  ['gpr', 'gminny program rewitalizacji'],
  ['cuw', 'centrum usług wspólnych'],
  ['kdr', 'karta dużej rodziny'],
  ['goz', 'gospodarka obiegu zamkniętego'],
  ['tbs', 'towarzystwo budownictwa społecznego'],
  ['wpf', 'wieloletnia prognoza finansowa'],
  ['kpo', 'krajowy plan odbudowy'],
  ['kzn', 'krajowy zasób nieruchomości'],
  ['bgk', 'bank gospodarstwa krajowego'],
  ['pszok', 'punkt selektywnej zbiórki odpadów komunalnych'],
  ['mpa', 'miejski plan adaptacji'],
  ['gis', 'system informacji przestrzennej'],
  ['nfośigw', 'narodowy fundusz ochrony środowiska i gospodarki wodnej'],
  ['ai', 'sztuczna inteligencja'],
  ['smart city', 'miasto inteligentne'],
  ['fotowoltaika', 'panele słoneczne', 'pv'],
  ['smog', 'zanieczyszczenie powietrza'],
  ['deszczówka', 'wody opadowe'],
  ['zielono-niebieska infrastruktura', 'błękitno-zielona infrastruktura'],
  ['e-usługi', 'usługi elektroniczne'],
];

export const relevanceCases: RelevanceCase[] = [
  // --- no diacritics -------------------------------------------------------------------------------------------
  { query: 'budzet obywatelski', expect: 'frl-dp-004', why: 'no-diacritics' },
  { query: 'lodz', expect: 'frl-dp-037', why: 'no-diacritics' },
  { query: 'zrodla finansowania inwestycji miejskich', expect: 'frl-pub-006', why: 'no-diacritics' },
  { query: 'odnawialne zrodla energii', expect: 'frl-pub-008', why: 'no-diacritics' },
  { query: 'samoocena jakosci zarzadzania', expect: 'frl-tool-002', why: 'no-diacritics' },
  { query: 'rekultywacja terenow pohutniczych', expect: 'frl-dp-031', why: 'no-diacritics' },
  { query: 'zlobki', expect: 'frl-dp-034', why: 'no-diacritics' },
  { query: 'gdansk deszczowka', expect: 'frl-dp-021', why: 'no-diacritics' },
  { query: 'wspolnoty mieszkaniowe kamienice', expect: 'frl-dp-001', why: 'no-diacritics' },

  // --- one typo ------------------------------------------------------------------------------------------------
  { query: 'rewitalizajca malych miast', expect: 'frl-pub-016', why: 'one-typo' },
  { query: 'inkubtor przedsiębiorczości', expect: 'frl-dp-006', why: 'one-typo' },
  { query: 'obligacje komunlane poradnik', expect: 'frl-pub-006', why: 'one-typo' },
  { query: 'telopieka', expect: 'frl-dp-008', why: 'one-typo' },
  { query: 'geotermja', expect: 'frl-dp-028', why: 'one-typo' },
  { query: 'wonerfy', expect: 'frl-dp-037', why: 'one-typo' },
  { query: 'klaster energi', expect: 'frl-dp-023', why: 'one-typo' },
  { query: 'repatriajca młodzieży', expect: 'frl-dp-019', why: 'one-typo' },

  // --- two typos in long words (9+ letters) --------------------------------------------------------------------
  { query: 'cyberbespieczenctwo', expect: 'frl-pub-012', why: 'two-typos' },
  { query: 'dapopilacja', expect: 'frl-mat-002', why: 'two-typos' },
  { query: 'kogenaracya', expect: 'frl-dp-015', why: 'two-typos' },
  { query: 'wsornyctwo', expect: 'frl-dp-029', why: 'two-typos' },
  { query: 'inkubator przetsiebiurczosci', expect: 'frl-dp-006', why: 'two-typos' },
  { query: 'riwitalisacja dzierzoniow', expect: 'frl-dp-001', why: 'two-typos' },
  { query: 'elektramobilnusc', expect: 'frl-dp-003', why: 'two-typos' },

  // --- prefix (search as you type) -----------------------------------------------------------------------------
  { query: 'retencj', expect: 'frl-dp-021', why: 'prefix' },
  { query: 'monitor rozw', expect: 'frl-tool-001', why: 'prefix' },
  { query: 'inkub', expect: 'frl-dp-006', why: 'prefix' },
  { query: 'teleopie', expect: 'frl-dp-008', why: 'prefix' },
  { query: 'kalkulator koszt', expect: 'frl-tool-004', why: 'prefix' },
  { query: 'cyberbezp', expect: 'frl-pub-012', why: 'prefix' },
  { query: 'repatria', expect: 'frl-dp-019', why: 'prefix' },
  { query: 'emisja obligacji komun', expect: 'frl-dp-013', why: 'prefix' },

  // --- inflected forms -----------------------------------------------------------------------------------------
  { query: 'obywatelskiego budżetu', expect: 'frl-dp-004', why: 'inflection' },
  { query: 'smart city w miastach średnich', expect: 'frl-rec-005', why: 'inflection' },
  { query: 'aplikacją mieszkańców Lublina', expect: 'frl-dp-024', why: 'inflection' },
  { query: 'pustostany komunalne Wałbrzych', expect: 'frl-dp-011', why: 'inflection' },
  { query: 'narzędziem do prognoz demograficznych', expect: 'frl-tool-005', why: 'inflection' },
  { query: 'przewodnika gospodarki obiegu zamkniętego', expect: 'frl-pub-018', why: 'inflection' },
  { query: 'modernizacji ciepłownictwo systemowe', expect: 'frl-dp-015', why: 'inflection' },
  { query: 'bieszczadzkiego klastra energii', expect: 'frl-dp-023', why: 'inflection' },
  { query: 'miejsca w żłobkach', expect: 'frl-dp-034', why: 'inflection' },
  { query: 'partnerstwa publiczno-prywatnego', expect: 'frl-pub-005', why: 'inflection' },
  { query: 'klubach seniorów', expect: 'frl-dp-008', why: 'inflection' },

  // --- synonyms and acronyms -----------------------------------------------------------------------------------
  { query: 'MRL', expect: 'frl-tool-001', why: 'synonym' },
  { query: 'OZE', expect: 'frl-pub-008', why: 'synonym' },
  { query: 'PPP przewodnik', expect: 'frl-pub-005', why: 'synonym' },
  { query: 'SIM przewodnik', expect: 'frl-pub-014', why: 'synonym' },
  { query: 'KDR', expect: 'frl-dp-018', why: 'synonym' },
  { query: 'panele słoneczne bloki', expect: 'frl-dp-022', why: 'synonym' },
  { query: 'miasto inteligentne mapa drogowa', expect: 'frl-pub-011', why: 'synonym' },
  { query: 'zanieczyszczenie powietrza kotły', expect: 'frl-dp-016', why: 'synonym' },
  { query: 'GOZ przewodnik', expect: 'frl-pub-018', why: 'synonym' },
  { query: 'partnerstwo publiczno-prywatne pływalnia', expect: 'frl-dp-012', why: 'synonym' },
  { query: 'zielono-niebieska infrastruktura katalog', expect: 'frl-pub-010', why: 'synonym' },
  { query: 'WPF prezentacja', expect: 'frl-mat-007', why: 'synonym' },

  // --- filters -------------------------------------------------------------------------------------------------
  { query: 'rewitalizacja', expect: 'frl-pub-016', filter: { kind: 'publication' }, why: 'filter' },
  { query: 'mieszkania', expect: 'frl-dp-009', filter: { city: 'jarocin' }, why: 'filter' },
  { query: 'nagranie finanse', expect: 'frl-rec-006', filter: { kind: 'recording', area: 'finanse' }, why: 'filter' },
  { query: 'klimat', expect: 'frl-mat-010', filter: { kind: 'material' }, why: 'filter' },
  { query: 'otwarte dane', expect: 'frl-dp-025', filter: { kind: 'good_practice', area: 'smart-city' }, why: 'filter' },
  { query: 'energia', expect: 'frl-dp-023', filter: { city: 'ustrzyki-dolne' }, why: 'filter' },
  { query: 'program', expect: 'frl-tool-008', filter: { kind: 'tool', area: 'nieruchomosci' }, why: 'filter' },
  { query: 'seminarium', expect: 'frl-rec-004', filter: { kind: 'recording', area: 'srodowisko-klimat' }, why: 'filter' },

  // --- exact titles --------------------------------------------------------------------------------------------
  { query: 'Monitor Rozwoju Lokalnego', expect: 'frl-tool-001', why: 'exact' },
  { query: 'Samoocena jakości zarządzania rozwojem (OECD)', expect: 'frl-tool-002', why: 'exact' },
  { query: 'Program seminarium 2–3 kwietnia 2020', expect: 'frl-mat-001', why: 'exact' },
  { query: 'Mieszkanie za remont', expect: 'frl-dp-011', why: 'exact' },
  { query: 'Mapa potencjałów endogennych', expect: 'frl-tool-006', why: 'exact' },
  { query: 'Kalkulator kosztów usług publicznych', expect: 'frl-tool-004', why: 'exact' },
  { query: 'Łódzkie woonerfy', expect: 'frl-dp-037', why: 'exact' },
];

// Dane demonstracyjne (seed) platformy Forum Rozwoju Lokalnego ZMP – cykle i wydarzenia.
// Wydarzenia przeszłe mają stałe daty w czasie lokalnym Europe/Warsaw ('YYYY-MM-DDTHH:mm').
// Wydarzenia nadchodzące są opisane względnie (startsInDays / startHour / durationHours),
// aby baza demonstracyjna zawsze zawierała przyszłe terminy niezależnie od daty uruchomienia seeda.

export type SeedEventKind = 'seminar' | 'workshop' | 'conference' | 'webinar' | 'network_meeting';

export type SeedEvent = {
  slug: string;
  title: string;
  description: string;
  kind: SeedEventKind;
  /** slug cyklu (SeedSeries.slug) albo null */
  series: string | null;
  /** slugi obszarów tematycznych */
  areas: string[];
  /** wydarzenia przeszłe: stały czas lokalny Europe/Warsaw */
  startsAt?: string;
  endsAt?: string;
  /** wydarzenia przyszłe: termin względny */
  startsInDays?: number;
  durationHours?: number;
  /** lokalna godzina rozpoczęcia (Europe/Warsaw) */
  startHour?: number;
  format: 'online' | 'onsite' | 'hybrid';
  place: string | null;
  joinUrl: string | null;
  capacity: number | null;
};

export type SeedSeries = {
  slug: string;
  title: string;
  description: string;
  year: number;
};

export const seedSeries: SeedSeries[] = [
  {
    slug: 'endogenne-potencjaly-2020',
    title: 'Uruchomienie endogennych potencjałów warunkiem rozwoju małych i średnich miast w Polsce',
    description:
      'Cykl otwartych seminariów Forum Rozwoju Lokalnego zorganizowany przez Związek Miast Polskich w 2020 r. dla przedstawicieli miast małych i średnich. ' +
      'Seminaria poświęcone są interdyscyplinarnemu omówieniu endogennych czynników rozwoju miast, analizie uwarunkowań ich uruchamiania oraz przykładom realizacji takiego podejścia w miastach. ' +
      'Tematyka obejmuje sześć obszarów: zmiany demograficzne, rozwój gospodarczy w oparciu o lokalne potencjały, rozwój zrównoważony i klimat, miasta inteligentne, aktywną politykę finansową oraz gospodarowanie zasobem nieruchomości. ' +
      'Program kolejnych spotkań jest współtworzony z miastami na podstawie ankiety przeprowadzonej przez Biuro ZMP.',
    year: 2020,
  },
  {
    slug: 'sieci-wymiany-doswiadczen',
    title: 'Sieci wymiany doświadczeń FRL',
    description:
      'Samorządowo-rządowo-eksperckie sieci wymiany doświadczeń działające od 2021 r. wokół 15 miast wybranych do dofinansowania w Programie „Rozwój lokalny”. ' +
      'Sieci spotykają się mniej więcej raz na kwartał, naprzemiennie w formule stacjonarnej w jednym z miast partnerskich i online. ' +
      'Tematyka spotkań wynika z projektów realizowanych przez miasta: od rewitalizacji i polityki mieszkaniowej, przez transformację energetyczną, po usługi publiczne i zarządzanie danymi. ' +
      'Każde spotkanie kończy się notatką z rekomendacjami, publikowaną w bibliotece FRL.',
    year: 2021,
  },
];

export const seedEvents: SeedEvent[] = [
  // ---------------------------------------------------------------------------
  // Cykl seminariów 2020: „Uruchomienie endogennych potencjałów…”
  // ---------------------------------------------------------------------------
  {
    slug: 'wyzwania-demograficzne-2020',
    title: 'Wyzwania demograficzne a endogenne potencjały rozwoju',
    description:
      'Inauguracyjne seminarium cyklu Forum Rozwoju Lokalnego, przeniesione w związku z pandemią do formuły on-line. ' +
      'Eksperci i przedstawiciele miast omówią skutki starzenia się ludności, suburbanizacji i odpływu młodych dla potencjału rozwojowego małych i średnich miast. ' +
      'Pierwszego dnia zaprezentowane zostaną prognozy demograficzne GUS w ujęciu lokalnym oraz przykłady miejskich polityk senioralnych i prorodzinnych. ' +
      'Drugi dzień poświęcony jest warsztatowemu wypracowaniu tematyki kolejnych spotkań cyklu na podstawie ankiety przeprowadzonej wśród miast. ' +
      'Kontakt w sprawie seminarium: Magdalena Skwarska, seminariafrl@zmp.poznan.pl.',
    kind: 'seminar',
    series: 'endogenne-potencjaly-2020',
    areas: ['demografia'],
    startsAt: '2020-04-02T10:00',
    endsAt: '2020-04-03T14:00',
    format: 'online',
    place: null,
    joinUrl: null,
    capacity: null,
  },
  {
    slug: 'lokalne-potencjaly-gospodarcze-2020',
    title: 'Lokalne potencjały gospodarcze – jak je rozpoznać i uruchomić',
    description:
      'Drugie seminarium cyklu dotyczy rozwoju gospodarczego opartego na zasobach endogennych miasta: kapitale ludzkim, tradycjach przemysłowych, lokalnych firmach i położeniu. ' +
      'Omówione zostaną metody diagnozy lokalnej bazy ekonomicznej, rola stref aktywności gospodarczej i inkubatorów przedsiębiorczości oraz współpraca miasta ze szkołami zawodowymi. ' +
      'Swoje doświadczenia przedstawią miasta, które po upadku dużych zakładów przemysłowych zbudowały nowe specjalizacje gospodarcze. ' +
      'Część warsztatowa poświęcona będzie obsłudze inwestora w urzędzie i standardom współpracy z lokalnym biznesem.',
    kind: 'seminar',
    series: 'endogenne-potencjaly-2020',
    areas: ['gospodarka'],
    startsAt: '2020-05-21T10:00',
    endsAt: '2020-05-21T15:00',
    format: 'online',
    place: null,
    joinUrl: null,
    capacity: null,
  },
  {
    slug: 'miasta-neutralne-klimatycznie-2020',
    title: 'Miasto neutralne klimatycznie – adaptacja i łagodzenie zmian klimatu',
    description:
      'Seminarium poświęcone rozwojowi zrównoważonemu małych i średnich miast w kontekście zmian klimatu. ' +
      'Uczestnicy poznają doświadczenia z wdrażania miejskich planów adaptacji, zielono-niebieskiej infrastruktury i retencji wód opadowych. ' +
      'Osobny blok dotyczy walki ze smogiem, modernizacji ciepłownictwa systemowego i rozwoju odnawialnych źródeł energii w budynkach komunalnych. ' +
      'Dyskusja panelowa odpowie na pytanie, czy neutralność klimatyczna jest realnym celem dla miasta liczącego 20–50 tys. mieszkańców.',
    kind: 'seminar',
    series: 'endogenne-potencjaly-2020',
    areas: ['srodowisko-klimat'],
    startsAt: '2020-06-18T10:00',
    endsAt: '2020-06-18T14:30',
    format: 'online',
    place: null,
    joinUrl: null,
    capacity: null,
  },
  {
    slug: 'technologie-dla-mieszkancow-2020',
    title: 'Nowe technologie w służbie mieszkańców – smart city na miarę średniego miasta',
    description:
      'Seminarium o wykorzystaniu nowych technologii dla poprawy jakości życia mieszkańców i wsparcia zarządzania miastem. ' +
      'Omówione zostaną e-usługi publiczne, otwarte dane, inteligentne oświetlenie uliczne, systemy zarządzania ruchem i czujniki jakości powietrza. ' +
      'Prelegenci pokażą, jak wdrażać rozwiązania smart city etapami, bez wielkich budżetów i z zachowaniem cyberbezpieczeństwa. ' +
      'Seminarium odbyło się w formule hybrydowej – z ograniczoną liczbą uczestników w siedzibie ZMP i transmisją internetową.',
    kind: 'seminar',
    series: 'endogenne-potencjaly-2020',
    areas: ['smart-city'],
    startsAt: '2020-09-24T10:00',
    endsAt: '2020-09-24T15:00',
    format: 'hybrid',
    place: 'Poznań, ul. Robocza 42 (siedziba ZMP)',
    joinUrl: null,
    capacity: 25,
  },
  {
    slug: 'finanse-rozwoju-2020',
    title: 'Aktywna polityka finansowa miasta – środki zewnętrzne i instrumenty zwrotne',
    description:
      'Seminarium o tym, jak budżet miasta może wspierać działania prorozwojowe mimo rosnących wydatków bieżących i ograniczeń wynikających z indywidualnego wskaźnika zadłużenia. ' +
      'Eksperci omówią wieloletnią prognozę finansową jako narzędzie planowania, emisję obligacji komunalnych oraz instrumenty zwrotne i partnerstwo publiczno-prywatne. ' +
      'Przedstawione zostaną przygotowania do perspektywy finansowej UE 2021–2027, w tym Zintegrowane Inwestycje Terytorialne i instrumenty dla miast średnich tracących funkcje społeczno-gospodarcze. ' +
      'Skarbnicy miast podzielą się praktyką budowania nadwyżki operacyjnej.',
    kind: 'seminar',
    series: 'endogenne-potencjaly-2020',
    areas: ['finanse'],
    startsAt: '2020-10-15T10:00',
    endsAt: '2020-10-15T14:00',
    format: 'online',
    place: null,
    joinUrl: null,
    capacity: null,
  },
  {
    slug: 'zasob-nieruchomosci-2020',
    title: 'Zasób nieruchomości jako potencjał rozwojowy miasta',
    description:
      'Ostatnie seminarium cyklu 2020 dotyczy gospodarowania gminnym zasobem nieruchomości w celu pełnego wykorzystania jego potencjału. ' +
      'Omówiona zostanie inwentaryzacja i wycena zasobu, polityka czynszowa, sprzedaż a dzierżawa gruntów oraz aktywna polityka mieszkaniowa z udziałem TBS i społecznych inicjatyw mieszkaniowych. ' +
      'Miasta pokażą przykłady zagospodarowania terenów poprzemysłowych i pokolejowych oraz tworzenia zasobu gruntów pod inwestycje. ' +
      'Na zakończenie podsumowano cały cykl i zaprezentowano kierunki działań Forum Rozwoju Lokalnego na 2021 r.',
    kind: 'seminar',
    series: 'endogenne-potencjaly-2020',
    areas: ['nieruchomosci', 'finanse'],
    startsAt: '2020-11-26T10:00',
    endsAt: '2020-11-26T14:30',
    format: 'online',
    place: null,
    joinUrl: null,
    capacity: null,
  },

  // ---------------------------------------------------------------------------
  // Sieci wymiany doświadczeń (od 2021 r.)
  // ---------------------------------------------------------------------------
  {
    slug: 'siec-inauguracja-2021',
    title: 'Inauguracja sieci wymiany doświadczeń 15 miast',
    description:
      'Pierwsze spotkanie samorządowo-rządowo-eksperckiej sieci wymiany doświadczeń skupionej wokół 15 miast wybranych do dofinansowania w Programie „Rozwój lokalny”. ' +
      'Miasta przedstawiły swoje projekty, a eksperci ZMP zaproponowali mapę wspólnych tematów: rewitalizację, mieszkalnictwo, energię, usługi publiczne i dane. ' +
      'Uzgodniono kwartalny rytm spotkań oraz zasady dzielenia się dokumentami roboczymi na platformie FRL.',
    kind: 'network_meeting',
    series: 'sieci-wymiany-doswiadczen',
    areas: ['gospodarka', 'demografia'],
    startsAt: '2021-03-11T10:00',
    endsAt: '2021-03-11T13:00',
    format: 'online',
    place: null,
    joinUrl: null,
    capacity: 60,
  },
  {
    slug: 'siec-rewitalizacja-dzierzoniow-2021',
    title: 'Sieć wymiany doświadczeń: rewitalizacja śródmieść i zasób mieszkaniowy',
    description:
      'Spotkanie sieci w Dzierżoniowie poświęcone łączeniu rewitalizacji obszarów śródmiejskich z polityką mieszkaniową miasta. ' +
      'Uczestnicy odwiedzili remontowane kamienice i podwórka oraz omówili zasady aktualizacji gminnych programów rewitalizacji. ' +
      'W części warsztatowej porównano narzędzia specustawy rewitalizacyjnej i modele partycypacji mieszkańców.',
    kind: 'network_meeting',
    series: 'sieci-wymiany-doswiadczen',
    areas: ['nieruchomosci', 'demografia'],
    startsAt: '2021-06-17T10:00',
    endsAt: '2021-06-17T16:00',
    format: 'onsite',
    place: 'Dzierżoniów, Urząd Miasta, Rynek 1',
    joinUrl: null,
    capacity: 40,
  },
  {
    slug: 'siec-transformacja-energetyczna-2022',
    title: 'Sieć wymiany doświadczeń: transformacja energetyczna miast średnich',
    description:
      'Spotkanie hybrydowe w Jaworznie o przechodzeniu miast na odnawialne źródła energii i bezemisyjny transport publiczny. ' +
      'Gospodarze zaprezentowali doświadczenia z elektryfikacji komunikacji miejskiej oraz programu fotowoltaiki na budynkach publicznych. ' +
      'Dyskutowano o klastrach energii, spółdzielniach energetycznych i skutkach wzrostu cen energii dla budżetów miast.',
    kind: 'network_meeting',
    series: 'sieci-wymiany-doswiadczen',
    areas: ['srodowisko-klimat', 'finanse'],
    startsAt: '2022-03-24T10:00',
    endsAt: '2022-03-24T15:00',
    format: 'hybrid',
    place: 'Jaworzno, Urząd Miejski, ul. Grunwaldzka 33',
    joinUrl: null,
    capacity: 50,
  },
  {
    slug: 'siec-uslugi-publiczne-2022',
    title: 'Sieć wymiany doświadczeń: jakość i koszty usług publicznych',
    description:
      'Spotkanie sieci w Ostrowie Wielkopolskim dotyczyło zarządzania usługami publicznymi – od oświaty, przez pomoc społeczną, po utrzymanie zieleni. ' +
      'Omówiono centra usług wspólnych, standardy usług i sposoby mierzenia ich kosztu jednostkowego. ' +
      'Miasta porównały swoje dane w Monitorze Rozwoju Lokalnego i uzgodniły wspólne wskaźniki benchmarkingowe.',
    kind: 'network_meeting',
    series: 'sieci-wymiany-doswiadczen',
    areas: ['finanse', 'gospodarka'],
    startsAt: '2022-10-06T10:00',
    endsAt: '2022-10-06T15:00',
    format: 'onsite',
    place: 'Ostrów Wielkopolski, Urząd Miejski, al. Powstańców Wielkopolskich 18',
    joinUrl: null,
    capacity: 40,
  },
  {
    slug: 'siec-dane-mrl-2023',
    title: 'Sieć wymiany doświadczeń: dane i wskaźniki w zarządzaniu rozwojem',
    description:
      'Spotkanie online poświęcone wykorzystaniu danych w podejmowaniu decyzji rozwojowych. ' +
      'Przedstawiciele miast pokazali, jak raporty Monitora Rozwoju Lokalnego trafiają do rad miejskich i strategii rozwoju. ' +
      'Eksperci omówili budowę miejskich hurtowni danych, otwarte dane i współpracę z urzędami statystycznymi.',
    kind: 'network_meeting',
    series: 'sieci-wymiany-doswiadczen',
    areas: ['smart-city', 'demografia'],
    startsAt: '2023-02-16T10:00',
    endsAt: '2023-02-16T13:00',
    format: 'online',
    place: null,
    joinUrl: null,
    capacity: 80,
  },
  {
    slug: 'siec-mieszkalnictwo-szczecinek-2024',
    title: 'Sieć wymiany doświadczeń: mieszkania na wynajem i SIM w mniejszych miastach',
    description:
      'Spotkanie w Szczecinku dotyczące budowy mieszkań na wynajem w ramach społecznych inicjatyw mieszkaniowych i dawnych TBS. ' +
      'Uczestnicy poznali realizowane inwestycje, modele współpracy z Krajowym Zasobem Nieruchomości i Bankiem Gospodarstwa Krajowego oraz wpływ oferty mieszkaniowej na zatrzymanie młodych. ' +
      'Przedyskutowano zasady naboru najemców i dopłat do partycypacji.',
    kind: 'network_meeting',
    series: 'sieci-wymiany-doswiadczen',
    areas: ['nieruchomosci', 'demografia'],
    startsAt: '2024-04-18T10:00',
    endsAt: '2024-04-18T15:30',
    format: 'onsite',
    place: 'Szczecinek, Urząd Miasta, pl. Wolności 13',
    joinUrl: null,
    capacity: 40,
  },
  {
    slug: 'siec-mlodzi-kalisz-2025',
    title: 'Sieć wymiany doświadczeń: jak zatrzymać młodych w mieście',
    description:
      'Spotkanie w kaliskim ratuszu poświęcone polityce wobec młodych dorosłych: ofercie edukacyjnej, pracy, mieszkaniom i czasowi wolnemu. ' +
      'Miasta zaprezentowały młodzieżowe rady miasta, programy stypendialne i staże w lokalnych firmach. ' +
      'Omówiono też doświadczenia z programów powrotów i repatriacji oraz przyciągania specjalistów z zagranicy.',
    kind: 'network_meeting',
    series: 'sieci-wymiany-doswiadczen',
    areas: ['demografia', 'gospodarka'],
    startsAt: '2025-05-22T10:00',
    endsAt: '2025-05-22T15:00',
    format: 'onsite',
    place: 'Kalisz, Ratusz, Główny Rynek 20',
    joinUrl: null,
    capacity: 45,
  },
  {
    slug: 'siec-klimat-2026',
    title: 'Sieć wymiany doświadczeń: plany adaptacji do zmian klimatu po aktualizacji',
    description:
      'Spotkanie online sieci miast poświęcone aktualizacji miejskich planów adaptacji do zmian klimatu wymaganej nowymi przepisami. ' +
      'Omówiono mapy zagrożeń, wskaźniki monitoringu oraz finansowanie działań adaptacyjnych z programów krajowych i regionalnych. ' +
      'Miasta wymieniły się zapisami uchwał i wzorami zadań dla wykonawców analiz.',
    kind: 'network_meeting',
    series: 'sieci-wymiany-doswiadczen',
    areas: ['srodowisko-klimat'],
    startsAt: '2026-02-12T10:00',
    endsAt: '2026-02-12T13:00',
    format: 'online',
    place: null,
    joinUrl: null,
    capacity: 80,
  },
  {
    slug: 'siec-nieruchomosci-plock-2026',
    title: 'Sieć wymiany doświadczeń: tereny poprzemysłowe i zasób gruntów pod inwestycje',
    description:
      'Spotkanie stacjonarne w Płocku dotyczące przygotowania terenów inwestycyjnych, scalania gruntów i rekultywacji terenów poprzemysłowych. ' +
      'Uczestnicy omówili plany ogólne gmin, zintegrowane plany inwestycyjne oraz współpracę z KZN i spółkami skarbu państwa. ' +
      'Zaprezentowano przykłady sprzedaży gruntów w trybie przetargów ograniczonych i dzierżaw długoterminowych.',
    kind: 'network_meeting',
    series: 'sieci-wymiany-doswiadczen',
    areas: ['nieruchomosci', 'gospodarka'],
    startsAt: '2026-06-11T10:00',
    endsAt: '2026-06-11T15:00',
    format: 'onsite',
    place: 'Płock, Urząd Miasta Płocka, pl. Stary Rynek 1',
    joinUrl: null,
    capacity: 40,
  },

  // ---------------------------------------------------------------------------
  // Konferencje ogólnopolskie (wiosenne i jesienne)
  // ---------------------------------------------------------------------------
  {
    slug: 'konferencja-jesienna-2021',
    title: 'Miasta po pandemii – odporność i rozwój lokalny',
    description:
      'Jesienna konferencja ogólnopolska FRL podsumowująca doświadczenia miast z okresu pandemii COVID-19. ' +
      'Dyskutowano o odporności lokalnych gospodarek, cyfryzacji urzędów, zmianach w mobilności i finansach samorządów po reformach podatkowych. ' +
      'Zaprezentowano pierwsze wyniki sieci wymiany doświadczeń oraz nowe funkcje Monitora Rozwoju Lokalnego. ' +
      'Konferencję zamknął panel przedstawicieli rządu i samorządów o kierunkach polityki miejskiej.',
    kind: 'conference',
    series: null,
    areas: ['gospodarka', 'finanse', 'smart-city'],
    startsAt: '2021-10-21T10:00',
    endsAt: '2021-10-22T14:00',
    format: 'hybrid',
    place: 'Poznań, Centrum Kongresowe MTP, ul. Głogowska 14',
    joinUrl: null,
    capacity: 300,
  },
  {
    slug: 'konferencja-wiosenna-2022',
    title: 'Zielona transformacja miast – energia, woda, klimat',
    description:
      'Wiosenna konferencja ogólnopolska poświęcona transformacji energetycznej i adaptacji do zmian klimatu. ' +
      'Bloki tematyczne obejmowały odnawialne źródła energii, modernizację ciepłownictwa, retencję wód opadowych i zieleń miejską. ' +
      'Miasta przedstawiły projekty realizowane w ramach sieci wymiany doświadczeń, a eksperci omówili nowe źródła finansowania. ' +
      'Towarzyszyły jej warsztaty z planowania zielono-niebieskiej infrastruktury.',
    kind: 'conference',
    series: null,
    areas: ['srodowisko-klimat', 'finanse'],
    startsAt: '2022-05-12T10:00',
    endsAt: '2022-05-13T14:00',
    format: 'hybrid',
    place: 'Katowice, Międzynarodowe Centrum Kongresowe, pl. Sławika i Antyka 1',
    joinUrl: null,
    capacity: 350,
  },
  {
    slug: 'konferencja-jesienna-2022',
    title: 'Mieszkalnictwo i zasób komunalny w czasach kryzysu',
    description:
      'Jesienna konferencja FRL o polityce mieszkaniowej miast w warunkach inflacji, wysokich stóp procentowych i napływu uchodźców z Ukrainy. ' +
      'Omówiono społeczne inicjatywy mieszkaniowe, remonty pustostanów, najem instytucjonalny oraz zarządzanie komunalnym zasobem lokalowym. ' +
      'Eksperci przedstawili też wyzwania związane z kosztami energii w budynkach komunalnych.',
    kind: 'conference',
    series: null,
    areas: ['nieruchomosci', 'demografia'],
    startsAt: '2022-10-20T10:00',
    endsAt: '2022-10-21T14:00',
    format: 'onsite',
    place: 'Lublin, Centrum Spotkania Kultur, pl. Teatralny 1',
    joinUrl: null,
    capacity: 250,
  },
  {
    slug: 'konferencja-wiosenna-2023',
    title: 'Finansowanie rozwoju lokalnego w perspektywie 2021–2027',
    description:
      'Wiosenna konferencja ogólnopolska poświęcona źródłom finansowania inwestycji miejskich w nowej perspektywie UE. ' +
      'Przedstawiono instrumenty terytorialne (ZIT, IIT), programy regionalne, FEnIKS oraz Krajowy Plan Odbudowy. ' +
      'Skarbnicy miast dyskutowali o wkładzie własnym, obligacjach komunalnych i relacji wydatków bieżących do majątkowych. ' +
      'W drugim dniu odbyły się konsultacje indywidualne z ekspertami od funduszy UE.',
    kind: 'conference',
    series: null,
    areas: ['finanse'],
    startsAt: '2023-04-20T10:00',
    endsAt: '2023-04-21T13:00',
    format: 'hybrid',
    place: 'Gdańsk, Europejskie Centrum Solidarności, pl. Solidarności 1',
    joinUrl: null,
    capacity: 300,
  },
  {
    slug: 'konferencja-jesienna-2023',
    title: 'Dane w zarządzaniu miastem – Monitor Rozwoju Lokalnego w praktyce',
    description:
      'Jesienna konferencja o zarządzaniu opartym na danych. ' +
      'Zaprezentowano nową wersję Monitora Rozwoju Lokalnego, wyniki samooceny jakości zarządzania rozwojem według metodyki OECD oraz przykłady miejskich systemów informacji przestrzennej. ' +
      'Panele dotyczyły też sztucznej inteligencji w administracji i ochrony danych osobowych.',
    kind: 'conference',
    series: null,
    areas: ['smart-city', 'demografia'],
    startsAt: '2023-10-19T10:00',
    endsAt: '2023-10-20T14:00',
    format: 'hybrid',
    place: 'Łódź, EC1 Łódź – Miasto Kultury, ul. Targowa 1/3',
    joinUrl: null,
    capacity: 300,
  },
  {
    slug: 'konferencja-wiosenna-2024',
    title: 'Demografia i kapitał ludzki – jak budować miasto dla wszystkich pokoleń',
    description:
      'Wiosenna konferencja poświęcona depopulacji, starzeniu się mieszkańców i migracjom. ' +
      'Miasta przedstawiły programy senioralne, Karty Dużej Rodziny, politykę żłobkową oraz działania na rzecz integracji cudzoziemców. ' +
      'Demografowie omówili prognozy ludności do 2050 r. i ich konsekwencje dla sieci szkół i usług publicznych.',
    kind: 'conference',
    series: null,
    areas: ['demografia'],
    startsAt: '2024-05-16T10:00',
    endsAt: '2024-05-17T14:00',
    format: 'hybrid',
    place: 'Płock, Urząd Miasta Płocka, pl. Stary Rynek 1',
    joinUrl: null,
    capacity: 250,
  },
  {
    slug: 'konferencja-jesienna-2024',
    title: 'Miasta inteligentne bez wielkich budżetów',
    description:
      'Jesienna konferencja o rozwiązaniach smart city dostępnych dla małych i średnich miast. ' +
      'Omówiono e-usługi, platformy partycypacyjne, inteligentne zarządzanie oświetleniem i energią w budynkach oraz cyberbezpieczeństwo urzędów. ' +
      'Przedstawiono wspólne zakupy technologii przez związki gmin.',
    kind: 'conference',
    series: null,
    areas: ['smart-city'],
    startsAt: '2024-10-17T10:00',
    endsAt: '2024-10-18T14:00',
    format: 'hybrid',
    place: 'Rzeszów, Urząd Miasta Rzeszowa, Rynek 1',
    joinUrl: null,
    capacity: 250,
  },
  {
    slug: 'konferencja-wiosenna-2025',
    title: 'Lokalne potencjały gospodarcze w dobie transformacji',
    description:
      'Wiosenna konferencja ogólnopolska o rozwoju gospodarczym miast w warunkach transformacji energetycznej i cyfrowej. ' +
      'Tematy obejmowały strefy aktywności gospodarczej, przemysły kreatywne, turystykę oraz współpracę z uczelniami. ' +
      'Zaprezentowano mapę potencjałów endogennych i przykłady miast, które zbudowały nowe specjalizacje.',
    kind: 'conference',
    series: null,
    areas: ['gospodarka'],
    startsAt: '2025-04-10T10:00',
    endsAt: '2025-04-11T14:00',
    format: 'hybrid',
    place: 'Bielsko-Biała, Urząd Miejski, pl. Ratuszowy 1',
    joinUrl: null,
    capacity: 300,
  },
  {
    slug: 'konferencja-jesienna-2025',
    title: 'Odporność klimatyczna miast – od planu do realizacji',
    description:
      'Jesienna konferencja poświęcona wdrażaniu działań adaptacyjnych w miastach. ' +
      'Omówiono retencję, zazielenianie placów i podwórek, ochronę przed falami upałów oraz gospodarkę obiegu zamkniętego. ' +
      'Uczestnicy zwiedzili zrewitalizowane tereny poprzemysłowe Wałbrzycha.',
    kind: 'conference',
    series: null,
    areas: ['srodowisko-klimat', 'nieruchomosci'],
    startsAt: '2025-10-16T10:00',
    endsAt: '2025-10-17T14:00',
    format: 'hybrid',
    place: 'Wałbrzych, Stara Kopalnia – Centrum Nauki i Sztuki, ul. Wysockiego 29',
    joinUrl: null,
    capacity: 280,
  },
  {
    slug: 'konferencja-wiosenna-2026',
    title: 'Usługi publiczne w kurczących się miastach',
    description:
      'Wiosenna konferencja ogólnopolska o dostosowaniu usług publicznych do zmian demograficznych. ' +
      'Dyskutowano o reorganizacji sieci szkół, opiece senioralnej, transporcie na żądanie i współpracy międzygminnej. ' +
      'Przedstawiono kalkulator kosztów usług publicznych i wyniki benchmarkingu miast sieci FRL.',
    kind: 'conference',
    series: null,
    areas: ['demografia', 'finanse'],
    startsAt: '2026-04-23T10:00',
    endsAt: '2026-04-24T14:00',
    format: 'hybrid',
    place: 'Poznań, Centrum Kongresowe MTP, ul. Głogowska 14',
    joinUrl: null,
    capacity: 300,
  },
  {
    slug: 'konferencja-jesienna-2026',
    title: 'Mieszkanie, energia, przestrzeń – rozwój lokalny po reformie planowania',
    description:
      'Jesienna konferencja FRL o skutkach reformy planowania przestrzennego dla miast. ' +
      'Omówiono plany ogólne gmin, zintegrowane plany inwestycyjne, lokalizację instalacji OZE oraz nowe programy mieszkaniowe. ' +
      'Konferencji towarzyszyła prezentacja zwycięskich projektów w konkursie dobrych praktyk FRL.',
    kind: 'conference',
    series: null,
    areas: ['nieruchomosci', 'srodowisko-klimat'],
    startsAt: '2026-10-15T10:00',
    endsAt: '2026-10-16T14:00',
    format: 'hybrid',
    place: 'Lublin, Centrum Spotkania Kultur, pl. Teatralny 1',
    joinUrl: null,
    capacity: 300,
  },

  // ---------------------------------------------------------------------------
  // Webinaria i warsztaty (przeszłe)
  // ---------------------------------------------------------------------------
  {
    slug: 'webinar-mrl-2021',
    title: 'Monitor Rozwoju Lokalnego – jak czytać wskaźniki swojego miasta',
    description:
      'Webinarium wprowadzające do Monitora Rozwoju Lokalnego (MRL). ' +
      'Pokazano, jak znaleźć raport dla własnej gminy, jak interpretować wskaźniki demograficzne, gospodarcze i finansowe oraz jak porównywać się z miastami o podobnej wielkości. ' +
      'Uczestnicy zadawali pytania o źródła danych i częstotliwość aktualizacji.',
    kind: 'webinar',
    series: null,
    areas: ['demografia', 'finanse'],
    startsAt: '2021-05-13T11:00',
    endsAt: '2021-05-13T12:30',
    format: 'online',
    place: null,
    joinUrl: null,
    capacity: 500,
  },
  {
    slug: 'webinar-samoocena-oecd-2021',
    title: 'Samoocena jakości zarządzania rozwojem według metodyki OECD',
    description:
      'Webinarium o narzędziu samooceny jakości zarządzania rozwojem lokalnym przygotowanym we współpracy z OECD. ' +
      'Omówiono obszary oceny: planowanie strategiczne, współpracę z interesariuszami, zarządzanie finansami i monitoring. ' +
      'Przedstawiciele miast pilotażowych opowiedzieli, jak przeprowadzić warsztat samooceny w urzędzie.',
    kind: 'webinar',
    series: null,
    areas: ['gospodarka', 'finanse'],
    startsAt: '2021-11-18T11:00',
    endsAt: '2021-11-18T12:30',
    format: 'online',
    place: null,
    joinUrl: null,
    capacity: 300,
  },
  {
    slug: 'warsztat-sfkif-2022',
    title: 'Warsztat FRL podczas Samorządowego Forum Kapitału i Finansów',
    description:
      'Warsztat Forum Rozwoju Lokalnego dla skarbników i pracowników wydziałów finansowych. ' +
      'Uczestnicy na studiach przypadków ćwiczyli ocenę zdolności kredytowej miasta, planowanie emisji obligacji i przygotowanie projektu PPP. ' +
      'Warsztat poprowadzili eksperci ZMP.',
    kind: 'workshop',
    series: null,
    areas: ['finanse'],
    startsAt: '2022-09-14T13:00',
    endsAt: '2022-09-14T16:00',
    format: 'onsite',
    place: 'Katowice, Międzynarodowe Centrum Kongresowe, pl. Sławika i Antyka 1',
    joinUrl: null,
    capacity: 40,
  },
  {
    slug: 'webinar-sim-2022',
    title: 'Społeczna inicjatywa mieszkaniowa krok po kroku',
    description:
      'Webinarium o tworzeniu i przystępowaniu do spółek SIM. ' +
      'Omówiono formalności, wkład gminy w postaci gruntów i aportu, finansowanie z programów rządowych oraz relacje z najemcami. ' +
      'Gośćmi były miasta, które przystąpiły do SIM w pierwszych naborach.',
    kind: 'webinar',
    series: null,
    areas: ['nieruchomosci'],
    startsAt: '2022-02-10T11:00',
    endsAt: '2022-02-10T12:30',
    format: 'online',
    place: null,
    joinUrl: null,
    capacity: 300,
  },
  {
    slug: 'webinar-oze-klastry-2023',
    title: 'Klastry energii i spółdzielnie energetyczne w miastach',
    description:
      'Webinarium o wspólnotach energetycznych jako sposobie na tańszą energię z odnawialnych źródeł. ' +
      'Eksperci wyjaśnili różnice między klastrem energii a spółdzielnią energetyczną, wymogi rejestracji i modele rozliczeń. ' +
      'Pokazano przykłady miast, które zawiązały klastry z lokalnymi przedsiębiorstwami.',
    kind: 'webinar',
    series: null,
    areas: ['srodowisko-klimat'],
    startsAt: '2023-06-15T11:00',
    endsAt: '2023-06-15T12:30',
    format: 'online',
    place: null,
    joinUrl: null,
    capacity: 300,
  },
  {
    slug: 'warsztat-tup-2023',
    title: 'Warsztat FRL na Kongresie Urbanistyki Polskiej: plan ogólny a potencjały rozwoju',
    description:
      'Warsztat zorganizowany przez ZMP w ramach kongresu Towarzystwa Urbanistów Polskich. ' +
      'Urbaniści i przedstawiciele miast ćwiczyli wyznaczanie stref planistycznych z uwzględnieniem potencjałów endogennych i zasobu nieruchomości gminy. ' +
      'Pracowano na mapach trzech miast średnich, porównując warianty rozwoju zabudowy pod kątem kosztów infrastruktury i dostępności usług. ' +
      'Wnioski z warsztatu trafiły do poradnika FRL o planie ogólnym gminy.',
    kind: 'workshop',
    series: null,
    areas: ['nieruchomosci', 'gospodarka'],
    startsAt: '2023-09-21T14:00',
    endsAt: '2023-09-21T17:00',
    format: 'onsite',
    place: 'Poznań, Centrum Kongresowe MTP, ul. Głogowska 14',
    joinUrl: null,
    capacity: 35,
  },
  {
    slug: 'webinar-ai-w-urzedzie-2024',
    title: 'Sztuczna inteligencja w urzędzie miasta – szanse i ryzyka',
    description:
      'Webinarium o zastosowaniach narzędzi AI w administracji samorządowej: od asystentów obsługi mieszkańców, przez analizę dokumentów, po predykcję awarii infrastruktury. ' +
      'Omówiono wymogi AI Act, ochronę danych osobowych i zasady zamówień publicznych na rozwiązania AI. ' +
      'Uczestnicy otrzymali listę kontrolną do oceny ryzyka przed wdrożeniem narzędzia w urzędzie.',
    kind: 'webinar',
    series: null,
    areas: ['smart-city'],
    startsAt: '2024-03-14T11:00',
    endsAt: '2024-03-14T12:30',
    format: 'online',
    place: null,
    joinUrl: null,
    capacity: 500,
  },
  {
    slug: 'webinar-seniorzy-2025',
    title: 'Miasto przyjazne seniorom – polityka senioralna w praktyce',
    description:
      'Webinarium o lokalnej polityce senioralnej: kluby seniora, teleopieka, usługi sąsiedzkie i dostępność przestrzeni publicznej. ' +
      'Zaprezentowano przykłady miast z certyfikatem przyjaznych seniorom oraz sposoby finansowania usług opiekuńczych. ' +
      'Omówiono także rolę miejskich rad seniorów w planowaniu inwestycji i konsultowaniu budżetu.',
    kind: 'webinar',
    series: null,
    areas: ['demografia'],
    startsAt: '2025-02-20T11:00',
    endsAt: '2025-02-20T12:30',
    format: 'online',
    place: null,
    joinUrl: null,
    capacity: 400,
  },
  {
    slug: 'webinar-kpo-rozliczenia-2025',
    title: 'Rozliczanie projektów KPO i funduszy europejskich w gminach',
    description:
      'Webinarium dla pracowników biur projektów o kontroli, sprawozdawczości i korektach finansowych. ' +
      'Omówiono najczęstsze błędy w zamówieniach publicznych i sposoby zabezpieczenia trwałości projektów. ' +
      'Eksperci odpowiadali na pytania dotyczące kamieni milowych KPO, zmian w umowach o dofinansowanie i archiwizacji dokumentacji.',
    kind: 'webinar',
    series: null,
    areas: ['finanse'],
    startsAt: '2025-09-11T11:00',
    endsAt: '2025-09-11T12:30',
    format: 'online',
    place: null,
    joinUrl: null,
    capacity: 400,
  },

  // ---------------------------------------------------------------------------
  // Wydarzenia nadchodzące (terminy względne)
  // ---------------------------------------------------------------------------
  {
    slug: 'webinar-budzet-obywatelski-nowa-edycja',
    title: 'Budżet obywatelski nowej generacji – jak zwiększyć udział mieszkańców',
    description:
      'Webinarium dla koordynatorów budżetów obywatelskich w miastach małych i średnich. ' +
      'Omówimy zmiany w regulaminach, głosowanie elektroniczne, projekty ogólnomiejskie i zielone oraz sposoby docierania do młodzieży i seniorów. ' +
      'Gośćmi będą miasta, w których frekwencja przekracza 15%. ' +
      'Na zakończenie krótka sesja pytań i odpowiedzi z ekspertami ZMP.',
    kind: 'webinar',
    series: null,
    areas: ['demografia', 'finanse'],
    startsInDays: 3,
    startHour: 11,
    durationHours: 1.5,
    format: 'online',
    place: null,
    joinUrl: 'https://spotkania.zmp.poznan.pl/frl/webinar-budzet-obywatelski',
    capacity: 300,
  },
  {
    slug: 'warsztat-wniosek-fundusze-ue',
    title: 'Warsztat: przygotowanie wniosku o dofinansowanie z programów regionalnych',
    description:
      'Praktyczny warsztat w siedzibie ZMP dla pracowników biur projektów i wydziałów rozwoju. ' +
      'Uczestnicy w małych grupach opracują logikę interwencji, wskaźniki produktu i rezultatu oraz budżet projektu na przykładzie rzeczywistego naboru. ' +
      'Omówimy najczęstsze przyczyny odrzucenia wniosków i wymagania dotyczące zasady DNSH. ' +
      'Liczba miejsc ograniczona – decyduje kolejność zgłoszeń.',
    kind: 'workshop',
    series: null,
    areas: ['finanse'],
    startsInDays: 12,
    startHour: 10,
    durationHours: 6,
    format: 'onsite',
    place: 'Poznań, ul. Robocza 42 (siedziba ZMP)',
    joinUrl: null,
    capacity: 20,
  },
  {
    slug: 'siec-spotkanie-zimowe-energia',
    title: 'Sieć wymiany doświadczeń: ciepłownictwo systemowe i lokalne plany energetyczne',
    description:
      'Zimowe spotkanie sieci poświęcone dekarbonizacji ciepłownictwa w miastach średnich. ' +
      'Przedsiębiorstwa ciepłownicze z miast sieci przedstawią plany przejścia na pompy ciepła, kogenerację i magazyny ciepła. ' +
      'Omówimy aktualizację założeń do planów zaopatrzenia w ciepło oraz finansowanie z programów NFOŚiGW. ' +
      'Spotkanie hybrydowe z transmisją dla miast, które nie mogą dojechać.',
    kind: 'network_meeting',
    series: 'sieci-wymiany-doswiadczen',
    areas: ['srodowisko-klimat', 'finanse'],
    startsInDays: 20,
    startHour: 10,
    durationHours: 5,
    format: 'hybrid',
    place: 'Ostrów Wielkopolski, Urząd Miejski, al. Powstańców Wielkopolskich 18',
    joinUrl: 'https://spotkania.zmp.poznan.pl/frl/siec-cieplownictwo',
    capacity: 30,
  },
  {
    slug: 'webinar-mrl-nowe-wskazniki',
    title: 'Nowe wskaźniki w Monitorze Rozwoju Lokalnego – co się zmieniło',
    description:
      'Webinarium prezentujące nową edycję Monitora Rozwoju Lokalnego. ' +
      'Pokażemy wskaźniki dotyczące klimatu i energii, dostępności usług oraz mieszkalnictwa, a także nowy moduł porównań z grupą miast referencyjnych. ' +
      'Uczestnicy dowiedzą się, jak eksportować dane do raportu o stanie gminy. ' +
      'Webinarium jest nagrywane, a nagranie trafi do biblioteki FRL.',
    kind: 'webinar',
    series: null,
    areas: ['demografia', 'smart-city'],
    startsInDays: 27,
    startHour: 11,
    durationHours: 1.5,
    format: 'online',
    place: null,
    joinUrl: 'https://spotkania.zmp.poznan.pl/frl/webinar-mrl',
    capacity: 500,
  },
  {
    slug: 'seminarium-depopulacja-uslugi',
    title: 'Seminarium: depopulacja a sieć usług publicznych w miastach średnich',
    description:
      'Seminarium eksperckie o tym, jak planować sieć szkół, przedszkoli, żłobków i usług opiekuńczych w miastach tracących mieszkańców. ' +
      'Demografowie przedstawią prognozy na poziomie gmin, a miasta – doświadczenia z łączenia placówek i tworzenia centrów usług społecznych. ' +
      'Omówimy także rolę współpracy z gminami ościennymi w obszarach funkcjonalnych.',
    kind: 'seminar',
    series: null,
    areas: ['demografia'],
    startsInDays: 41,
    startHour: 10,
    durationHours: 5,
    format: 'onsite',
    place: 'Kalisz, Ratusz, Główny Rynek 20',
    joinUrl: null,
    capacity: 60,
  },
  {
    slug: 'webinar-retencja-deszczowka',
    title: 'Deszczówka w mieście – opłaty, retencja i ogrody deszczowe',
    description:
      'Webinarium o zagospodarowaniu wód opadowych: od opłaty za zmniejszenie retencji, przez miejskie programy dotacji na zbiorniki, po projektowanie ogrodów deszczowych i niecek chłonnych. ' +
      'Przedstawiciele wodociągów omówią modele taryf za odprowadzanie wód deszczowych. ' +
      'Pokażemy też, jak włączyć mieszkańców w budowę małej retencji.',
    kind: 'webinar',
    series: null,
    areas: ['srodowisko-klimat'],
    startsInDays: 55,
    startHour: 12,
    durationHours: 1.5,
    format: 'online',
    place: null,
    joinUrl: 'https://spotkania.zmp.poznan.pl/frl/webinar-retencja',
    capacity: 400,
  },
  {
    slug: 'siec-spotkanie-dane-online',
    title: 'Sieć wymiany doświadczeń: miejskie dane otwarte i cyfrowe bliźniaki',
    description:
      'Spotkanie online sieci miast o budowie miejskich repozytoriów danych, portalach otwartych danych i pierwszych wdrożeniach cyfrowych bliźniaków. ' +
      'Omówimy standardy metadanych, współpracę z dostawcami oprogramowania i kwestie licencji. ' +
      'Każde miasto przedstawi jeden zbiór danych, który udostępniło w ostatnim roku.',
    kind: 'network_meeting',
    series: 'sieci-wymiany-doswiadczen',
    areas: ['smart-city'],
    startsInDays: 68,
    startHour: 10,
    durationHours: 3,
    format: 'online',
    place: null,
    joinUrl: 'https://spotkania.zmp.poznan.pl/frl/siec-dane-otwarte',
    capacity: 80,
  },
  {
    slug: 'warsztat-polityka-mieszkaniowa',
    title: 'Warsztat: lokalna polityka mieszkaniowa i audyt zasobu komunalnego',
    description:
      'Warsztat dla wydziałów gospodarki nieruchomościami i zarządców zasobu komunalnego. ' +
      'Uczestnicy przećwiczą audyt zasobu lokalowego, analizę pustostanów i kosztów utrzymania oraz przygotowanie gminnego programu mieszkaniowego. ' +
      'Omówimy też współpracę z SIM i programy remontowe. ' +
      'Liczba miejsc ograniczona.',
    kind: 'workshop',
    series: null,
    areas: ['nieruchomosci'],
    startsInDays: 83,
    startHour: 10,
    durationHours: 5,
    format: 'hybrid',
    place: 'Dzierżoniów, Urząd Miasta, Rynek 1',
    joinUrl: 'https://spotkania.zmp.poznan.pl/frl/warsztat-mieszkalnictwo',
    capacity: 25,
  },
  {
    slug: 'webinar-smog-niska-emisja',
    title: 'Czyste powietrze w mieście – wymiana kopciuchów i monitoring smogu',
    description:
      'Webinarium o działaniach antysmogowych miast: programy wymiany źródeł ciepła, kontrole palenisk, sieci czujników jakości powietrza i komunikacja z mieszkańcami. ' +
      'Przedstawimy doświadczenia miast, które połączyły program Czyste Powietrze z gminnymi dotacjami. ' +
      'Omówimy także uchwały antysmogowe i ich egzekwowanie.',
    kind: 'webinar',
    series: null,
    areas: ['srodowisko-klimat', 'smart-city'],
    startsInDays: 97,
    startHour: 11,
    durationHours: 1.5,
    format: 'online',
    place: null,
    joinUrl: 'https://spotkania.zmp.poznan.pl/frl/webinar-smog',
    capacity: 400,
  },
  {
    slug: 'konferencja-wiosenna-ogolnopolska',
    title: 'Wiosenna konferencja ogólnopolska FRL: endogenne potencjały – nowe otwarcie',
    description:
      'Dwudniowa wiosenna konferencja ogólnopolska Forum Rozwoju Lokalnego dla przedstawicieli samorządów, administracji rządowej i ekspertów. ' +
      'W programie: podsumowanie sieci wymiany doświadczeń, prezentacja nowych narzędzi FRL (Monitor Rozwoju Lokalnego, samoocena OECD, mapa potencjałów endogennych) oraz panele o demografii, energii i finansach miast. ' +
      'Drugiego dnia odbędą się równoległe warsztaty tematyczne w sześciu obszarach FRL. ' +
      'Udział stacjonarny wymaga rejestracji; transmisja online jest otwarta.',
    kind: 'conference',
    series: null,
    areas: ['demografia', 'gospodarka', 'srodowisko-klimat', 'smart-city', 'finanse', 'nieruchomosci'],
    startsInDays: 116,
    startHour: 10,
    durationHours: 28,
    format: 'hybrid',
    place: 'Poznań, Centrum Kongresowe MTP, ul. Głogowska 14',
    joinUrl: 'https://spotkania.zmp.poznan.pl/frl/konferencja-wiosenna',
    capacity: 350,
  },
];

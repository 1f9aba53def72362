// The accessibility statement (deklaracja dostępności) required by the act of 4 April 2019 on digital accessibility
// of public bodies' websites, in the structure of the statement template published on gov.pl. The office of ZMP keeps
// the dates, the list of non-accessible content and the description of its premises true.
export const accessibility = {
  title: "Deklaracja dostępności",
  entity: "Związek Miast Polskich",
  site: "Forum Rozwoju Lokalnego",
  intro: {
    before: "zobowiązuje się zapewnić dostępność swojej strony internetowej zgodnie z przepisami ustawy z dnia 4 kwietnia 2019 r. o dostępności cyfrowej stron internetowych i aplikacji mobilnych podmiotów publicznych. Deklaracja dostępności dotyczy strony internetowej",
  },
  dates: {
    published: "Data publikacji strony internetowej:",
    updated: "Data ostatniej istotnej aktualizacji:",
    publishedOn: "2026-12-01",
    updatedOn: "2026-12-04",
  },
  status: {
    heading: "Stan dostępności cyfrowej",
    text: "Strona internetowa jest częściowo zgodna z ustawą z dnia 4 kwietnia 2019 r. o dostępności cyfrowej stron internetowych i aplikacji mobilnych podmiotów publicznych z powodu niezgodności lub wyłączeń wymienionych poniżej.",
  },
  inaccessible: {
    heading: "Treści niedostępne",
    items: [
      "Część nagrań webinariów i seminariów w bibliotece nie ma napisów ani transkrypcji. Powód: multimedia nadawane na żywo oraz nagrania opublikowane przed 23 września 2020 r. są wyłączone z obowiązku zapewnienia dostępności; nowe nagrania uzupełniamy o napisy.",
      "Niektóre publikacje i materiały seminaryjne w formacie PDF, DOCX lub PPTX przygotowali partnerzy i prelegenci; nie wszystkie mają strukturę nagłówków i opisy alternatywne grafik. Powód: dokumenty opublikowane przed 23 września 2018 r. oraz treści stron trzecich, które nie zostały przez nas sfinansowane ani wytworzone. Na prośbę udostępnimy ich treść w dostępnej formie.",
      "W pokoju na żywo i we wspólnym edytorze programu zmiany wprowadzane przez inne osoby w tej samej chwili mogą być ogłaszane przez czytnik ekranu z opóźnieniem.",
    ],
  },
  preparation: {
    heading: "Przygotowanie deklaracji dostępności",
    date: "Data sporządzenia deklaracji:",
    preparedOn: "2026-12-04",
    method: "Deklarację sporządzono na podstawie samooceny przeprowadzonej przez podmiot publiczny, wspartej automatycznymi testami każdego rodzaju strony narzędziem axe-core (reguły WCAG 2.1 na poziomach A i AA).",
  },
  contact: {
    heading: "Informacje zwrotne i dane kontaktowe",
    text: "W przypadku problemów z dostępnością strony internetowej prosimy o kontakt. Tą samą drogą można składać wnioski o udostępnienie informacji niedostępnej oraz składać skargi na brak zapewnienia dostępności.",
    person: "Osoba kontaktowa:",
    personName: "Biuro Związku Miast Polskich",
    email: "Adres poczty elektronicznej:",
    emailAddress: "seminariafrl@zmp.poznan.pl",
    phone: "Numer telefonu:",
    phoneNumber: "+48 61 633 50 50",
  },
  procedure: {
    heading: "Procedura wnioskowo-skargowa",
    paragraphs: [
      "Każdy ma prawo do wystąpienia z żądaniem zapewnienia dostępności cyfrowej strony internetowej, aplikacji mobilnej lub jakiegoś ich elementu. Można także zażądać udostępnienia informacji za pomocą alternatywnego sposobu dostępu, na przykład przez odczytanie niedostępnego cyfrowo dokumentu, opisanie zawartości filmu bez audiodeskrypcji itp.",
      "Żądanie powinno zawierać dane osoby zgłaszającej żądanie, wskazanie, o którą stronę internetową lub aplikację mobilną chodzi, oraz sposób kontaktu. Jeżeli osoba żądająca zgłasza potrzebę otrzymania informacji za pomocą alternatywnego sposobu dostępu, powinna także określić dogodny dla niej sposób przedstawienia tej informacji.",
      "Podmiot publiczny powinien zrealizować żądanie niezwłocznie, nie później niż w ciągu 7 dni od dnia wystąpienia z żądaniem. Jeżeli dotrzymanie tego terminu nie jest możliwe, podmiot publiczny niezwłocznie informuje o tym wnoszącego żądanie, kiedy realizacja żądania będzie możliwa, przy czym termin ten nie może być dłuższy niż 2 miesiące od dnia wystąpienia z żądaniem. Jeżeli zapewnienie dostępności cyfrowej nie jest możliwe, podmiot publiczny może zaproponować alternatywny sposób dostępu do informacji.",
      "W przypadku, gdy podmiot publiczny odmówi realizacji żądania zapewnienia dostępności lub alternatywnego sposobu dostępu do informacji, wnoszący żądanie może złożyć skargę w sprawie zapewnienia dostępności cyfrowej strony internetowej, aplikacji mobilnej lub jej elementu.",
    ],
    ombudsman: "Po wyczerpaniu wskazanej wyżej procedury można także złożyć wniosek do",
    ombudsmanName: "Rzecznika Praw Obywatelskich",
    ombudsmanUrl: "https://bip.brpo.gov.pl/",
  },
  architecture: {
    heading: "Dostępność architektoniczna",
    address: "Biuro Związku Miast Polskich, ul. Robocza 42, 61-517 Poznań",
    paragraphs: [
      "Seminaria i spotkania Forum odbywają się w różnych miastach; informacja o dostępności miejsca jest podawana przy każdym wydarzeniu. Poniższy opis dotyczy siedziby Biura ZMP, w której można załatwić sprawy Forum osobiście.",
      "Do budynku prowadzi wejście od ulicy Roboczej. Przy wejściu i w recepcji pracownicy Biura pomagają osobom z niepełnosprawnościami w dotarciu do sali spotkań; prosimy o wcześniejsze zgłoszenie wizyty, abyśmy mogli przygotować pomoc.",
      "Do budynku i wszystkich jego pomieszczeń można wejść z psem asystującym i psem przewodnikiem.",
      "Tłumacza polskiego języka migowego zapewniamy na wniosek złożony co najmniej 3 dni robocze przed wizytą lub wydarzeniem (adres e-mail i telefon podane wyżej).",
    ],
  },
  apps: { heading: "Aplikacje mobilne", text: "Forum Rozwoju Lokalnego nie ma aplikacji mobilnej; strona działa w przeglądarkach telefonów i tabletów." },
} as const;

import { count, pluralForm, type PluralForms } from "./plural.js";

const miasto: PluralForms = ["miasto", "miasta", "miast", "miasta"];
const odpowiedz: PluralForms = ["odpowiedź", "odpowiedzi", "odpowiedzi", "odpowiedzi"];
const inne: PluralForms = ["inne", "inne", "innych", "innego"];

/** Polish texts of city surveys (issue 13): the form, the results, the import report, mail. */
export const surveys = {
  title: "Ankiety",
  intro: "Ankiety Forum Rozwoju Lokalnego: miasta mówią, czego potrzebują, a z ich odpowiedzi powstaje program kolejnych seminariów.",
  empty: "Nie ma jeszcze żadnej ankiety.",
  openUntil: (date: string) => `Odpowiedzi do ${date}`,
  closedOn: (date: string) => `Zamknięta ${date}`,
  opensOn: (date: string) => `Otwarta od ${date}`,
  respondentCity: "Odpowiada miasto (jedna odpowiedź na miasto)",
  respondentPerson: "Odpowiada każda osoba osobno",
  answerFor: (city: string) => `Odpowiadasz w imieniu miasta: ${city}`,
  save: "Zapisz wersję roboczą",
  submit: "Wyślij odpowiedź",
  saved: "Wersja robocza zapisana. Możesz do niej wrócić do zamknięcia ankiety.",
  submitted: "Odpowiedź wysłana. Możesz ją zmieniać do zamknięcia ankiety.",
  status: {
    none: "Miasto jeszcze nie odpowiedziało.",
    draft: (who: string, when: string) => `Wersja robocza zapisana przez: ${who}, ${when}.`,
    submitted: (who: string, when: string) => `Odpowiedź wysłana przez: ${who}, ${when}.`,
  },
  required: "(wymagane)",
  rankingHint: "Wybierz pozycje w kolejności: pierwsze pole to Twój najważniejszy wybór.",
  rankingPlace: (n: number) => `Miejsce ${n}.`,
  rankingNone: "— bez wyboru —",
  scaleNone: "— bez odpowiedzi —",
  matrixRow: "Pozycja",
  noAnswer: "— bez odpowiedzi —",
  errors: {
    notFound: "Nie ma takiej ankiety.",
    notOpen: "Ankieta jeszcze nie przyjmuje odpowiedzi.",
    closed: "Ankieta jest już zamknięta; odpowiedzi nie można zmieniać.",
    signIn: "Zaloguj się, aby odpowiedzieć na ankietę.",
    noCity:
      "Na tę ankietę odpowiada miasto, a Twoje konto nie jest jeszcze potwierdzonym przedstawicielem żadnego miasta. Wskaż swoje miasto w ustawieniach konta i poczekaj na potwierdzenie; niczego nie zapisaliśmy.",
    staleVersion:
      "W międzyczasie ktoś inny z Twojego miasta zmienił tę odpowiedź. Poniżej widzisz aktualną wersję: sprawdź ją i zapisz ponownie swoje zmiany.",
    required: "To pytanie jest wymagane.",
    unknownOption: "Wybierz jedną z podanych odpowiedzi.",
    oneOnly: "Wybierz jedną odpowiedź.",
    rankingDuplicate: "Każdą pozycję można wybrać tylko raz.",
    textTooLong: "Odpowiedź może mieć najwyżej 5000 znaków.",
    fixBelow: "Popraw zaznaczone odpowiedzi.",
    noEvent: "Wybierz nadchodzące wydarzenie.",
    noOptions: "Zaznacz przynajmniej jeden temat.",
  },
  results: {
    title: (survey: string) => `Wyniki: ${survey}`,
    responses: (n: number) => `${count(n, odpowiedz)} ${pluralForm(n, ["miasta", "miast", "miast", "miasta"])}`,
    responsesPeople: (n: number) => count(n, odpowiedz),
    filters: "Filtry",
    voivodeship: "Województwo",
    allVoivodeships: "Wszystkie województwa",
    sizeClass: "Wielkość miasta",
    allSizes: "Wszystkie wielkości",
    apply: "Pokaż",
    option: "Odpowiedź",
    count: "Liczba",
    cities: "Miasta",
    mean: (v: string) => `Średnia: ${v}`,
    meanRank: "Średnie miejsce (mniej = ważniejsze)",
    value: "Wartość",
    openAnswers: "Odpowiedzi otwarte",
    noOpenAnswers: "Brak odpowiedzi otwartych.",
    chartOf: (q: string) => `Wykres: ${q}`,
    tableOf: (q: string) => `Tabela: ${q}`,
    exportCsv: "Pobierz CSV",
    exportJson: "Pobierz ankietę (JSON)",
    forbidden: "Wyniki zobaczą osoby odpowiadające po zamknięciu ankiety; wcześniej tylko zespół Forum.",
    nobody: "Brak odpowiedzi spełniających kryteria.",
    cityCount: (n: number) => count(n, miasto),
  },
  propose: {
    title: "Zaproponuj tematy do programu wydarzenia",
    intro: "Zaznaczone tematy trafią jako propozycje do warsztatu programu wybranego wydarzenia, razem z listą miast, które je wskazały. Ponowne zgłoszenie tego samego tematu niczego nie dubluje.",
    event: "Wydarzenie",
    options: "Tematy z ankiety",
    submit: "Dodaj do propozycji programu",
    done: (added: number, existing: number) =>
      `Dodano propozycje: ${added}. ${existing ? `Już wcześniej zgłoszone: ${existing}.` : ""}`.trim(),
    why: (n: number) => `Temat wskazany w ankiecie przez ${count(n, miasto)}.`,
    noEvents: "Brak nadchodzących wydarzeń, do których można dodać propozycje.",
  },
  /** "Zgłoszone w ankiecie przez: Dzierżoniów, Kalisz i 3 inne" */
  backedBy: (names: string[], shown = 2) => {
    const head = names.slice(0, shown).join(", ");
    const rest = names.length - shown;
    return `Zgłoszone w ankiecie przez: ${rest > 0 ? `${head} i ${count(rest, inne)}` : head}`;
  },
  import: {
    invalid: "Plik ankiety zawiera błędy:",
    notJson: "To nie jest poprawny plik JSON.",
    duplicateQuestion: (id: string) => `Identyfikator pytania „${id}” występuje więcej niż raz.`,
    duplicateOption: (q: string, id: string) => `Pytanie „${q}”: identyfikator odpowiedzi „${id}” występuje więcej niż raz.`,
    duplicateRow: (q: string, id: string) => `Pytanie „${q}”: identyfikator wiersza „${id}” występuje więcej niż raz.`,
    needsOptions: (q: string) => `Pytanie „${q}” tego typu potrzebuje listy odpowiedzi (options).`,
    needsRows: (q: string) => `Pytanie „${q}” typu matrix potrzebuje listy wierszy (rows).`,
    needsScale: (q: string) => `Pytanie „${q}” typu scale potrzebuje skali (scale: { min, max }).`,
    badScale: (q: string) => `Pytanie „${q}”: skala musi mieć min mniejsze niż max (najwyżej 20 stopni).`,
    unknownArea: (q: string, area: string) => `Pytanie „${q}”: nieznany obszar tematyczny „${area}”.`,
    closesBeforeOpens: "Data zamknięcia (closesAt) musi być późniejsza niż data otwarcia (opensAt).",
    slugTaken: (slug: string) => `Ankieta „${slug}” już istnieje; import ją zaktualizuje.`,
    done: (slug: string) => `Zaimportowano ankietę „${slug}”.`,
  },
};

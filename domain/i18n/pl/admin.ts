// "1 dokument", "3 dokumenty", "5 dokumentów", chosen by the Polish plural rules.
const plural = new Intl.PluralRules("pl-PL");
function documentsWord(n: number): string {
  const form = plural.select(n);
  return form === "one" ? "dokument" : form === "few" ? "dokumenty" : "dokumentów";
}

export const admin = {
  title: "Administracja",
  users: "Użytkownicy",
  audit: "Dziennik zdarzeń",
  import: "Import biblioteki",
  search: "Szukaj (imię, nazwisko lub e-mail)",
  role: "Rola",
  allRoles: "Wszystkie role",
  name: "Imię i nazwisko",
  email: "E-mail",
  city: "Miasto",
  state: "Stan",
  active: "Aktywne",
  disabled: "Zablokowane",
  disable: "Zablokuj konto",
  save: "Zapisz",
  saved: "Zapisano zmiany użytkownika.",
  cannotDemoteSelf: "Nie możesz odebrać sobie roli administratora ani zablokować własnego konta.",
  empty: "Brak użytkowników spełniających kryteria.",
  when: "Kiedy",
  who: "Kto",
  what: "Co",
  subject: "Dotyczy",
  auditEmpty: "Dziennik jest pusty.",
  changeFor: (name: string) => `Zmień rolę i stan konta: ${name}`,
  searchIndex: {
    tab: "Wyszukiwarka",
    title: "Indeks wyszukiwarki",
    intro:
      "Przebudowa odtwarza indeks wyszukiwarki z bazy danych. Serwis działa w tym czasie normalnie, a wyniki wyszukiwania mogą być przez chwilę niepełne. To samo robi polecenie npm run search:reindex.",
    engine: "Silnik",
    documents: "Dokumentów w indeksie",
    pending: "Zmian czekających na zaindeksowanie",
    unavailable: "niedostępny",
    rebuild: "Przebuduj indeks",
    refresh: "Odśwież stan",
    badRequest: "Nieznane polecenie — użyj przycisku „Przebuduj indeks”.",
    started: "Przebudowa indeksu rozpoczęta. Odśwież stronę, aby zobaczyć postęp.",
    queued: "Przebudowa czeka na zakończenie poprzedniej.",
    running: (phase: string, done: number, total: number) => `Przebudowa trwa: ${phase} ${done} z ${total}.`,
    runningStart: "Przebudowa trwa…",
    done: (total: number, seconds: string, when: string) => `Ostatnia przebudowa (${when}): ${total} ${documentsWord(total)} w ${seconds} s.`,
    failed: (msg: string, when: string) => `Ostatnia przebudowa (${when}) nie powiodła się: ${msg}`,
    phases: { library: "biblioteka", events: "wydarzenia", threads: "archiwum dyskusji" },
  },
} as const;

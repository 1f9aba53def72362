// Agenda co-design workspace, published programme, print page and version history.
import { count, nouns, pluralForm } from "./plural.js";
export const agenda = {
  title: "Program — współtworzenie",
  pageTitle: (event: string) => `Program: ${event}`,
  intro: "Miasta wspólnie układają program seminarium. Zmiany widzą od razu wszyscy obecni.",
  kinds: { keynote: "Wystąpienie otwierające", panel: "Panel", workshop: "Warsztat", discussion: "Dyskusja", break: "Przerwa" },
  published: {
    library: "Materiały z biblioteki:",
    heading: "Program",
    version: (n: number, date: string) => `Wersja ${n} z ${date}`,
    none: "Program nie został jeszcze opublikowany.",
    workspaceLink: "Współtwórz program",
    workspaceView: "Zobacz, jak powstawał program",
    print: "Wersja do druku",
    markdown: "Pobierz (Markdown)",
    /** "Temat zgłosiło 5 miast", "Temat zgłosiły 2 miasta": how many cities asked for a session in the survey. */
    askedBy: (n: number) => `Temat ${pluralForm(n, ["zgłosiło", "zgłosiły", "zgłosiło", "zgłosiło"])} ${count(n, nouns.miasto)}`,
  },
  status: {
    connecting: "Łączenie…",
    synced: "Zsynchronizowano",
    offline: "Offline — zmiany zapiszą się na tym urządzeniu i zostaną wysłane po połączeniu",
    syncing: "Synchronizowanie…",
    readOnly: "Tylko podgląd — nie możesz teraz edytować programu",
    // Co-design was closed while this page was open: the server no longer takes edits from it.
    editingClosed: "Edycja zamknięta — tylko podgląd",
    editingReopened: "Edycja programu jest znowu otwarta.",
    unpublished: "Nieopublikowane zmiany",
    upToDate: "Opublikowana wersja jest aktualna",
    closed: (code: number) =>
      code === 4401
        ? "Zaloguj się, aby współtworzyć program."
        : code === 4403
          ? "Nie masz dostępu do tego programu."
          : code === 4404
            ? "Nie ma takiego programu."
            : code === 4413 || code === 4414
              ? "Zmiana jest zbyt duża i nie została przyjęta. Odśwież stronę."
              : code === 4429
                ? "Za dużo zmian naraz. Odśwież stronę za chwilę."
                : code === 4422
                  ? "Zapisanego programu nie da się odczytać. Administrator został powiadomiony."
                  : "Połączenie zostało zamknięte.",
  },
  presence: { heading: "Obecni", you: "(Ty)", editing: (title: string) => `edytuje: ${title}`, editingHere: "Teraz edytują ten blok" },
  sessions: {
    heading: "Bloki programu",
    add: "Dodaj blok",
    empty: "Program jest pusty. Dodaj pierwszy blok.",
    title: "Tytuł",
    start: "Początek",
    end: "Koniec",
    kind: "Rodzaj",
    area: "Obszar tematyczny",
    noArea: "— bez obszaru —",
    speakers: "Prelegenci (jedna osoba w wierszu: imię i nazwisko, afiliacja)",
    library: "Powiązane materiały z biblioteki",
    libraryNone: "Brak powiązanych materiałów.",
    libraryAdd: "Dodaj materiał – wpisz fragment tytułu",
    libraryResults: "Znalezione w bibliotece",
    libraryNoResults: "Nic nie znaleziono w bibliotece.",
    libraryPick: (title: string, kind: string) => `Dodaj: ${title} (${kind})`,
    libraryRemove: (title: string) => `Usuń powiązanie: ${title}`,
    libraryRemoveShort: "Usuń",
    libraryAdded: (title: string) => `Powiązano materiał „${title}”.`,
    libraryRemoved: (title: string) => `Usunięto powiązanie z „${title}”.`,
    libraryUnknown: (id: number) => `Pozycja nr ${id} (nieopublikowana lub usunięta)`,
    libraryBadIds: "Podaj od 1 do 50 numerów pozycji biblioteki.",
    description: "Opis",
    moveUp: "Przesuń wyżej",
    moveDown: "Przesuń niżej",
    remove: "Usuń blok",
    removed: (title: string) => `Usunięto blok „${title}”.`,
    undoRemove: "Przywróć usunięty blok",
    dragHandle: (title: string) => `Przeciągnij, aby zmienić kolejność: ${title}`,
    moved: (title: string, pos: number) => `Blok „${title}” jest teraz na pozycji ${pos}.`,
    untitled: "Blok bez tytułu",
  },
  undo: "Cofnij",
  redo: "Ponów",
  proposals: {
    heading: "Propozycje tematów",
    add: "Zaproponuj temat",
    title: "Temat",
    why: "Dlaczego to ważne",
    area: "Obszar",
    city: "Miasto zgłaszające",
    empty: "Nie ma jeszcze propozycji.",
    dots: (left: number, budget: number) => `Pozostało kropek: ${left} z ${budget}`,
    votes: (n: number) => count(n, nouns.kropka),
    voteShort: "Dodaj kropkę",
    unvoteShort: "Zabierz kropkę",
    toSession: "Przenieś do programu",
    by: (name: string, city: string) => (city ? `${name}, ${city}` : name),
  },
  notes: { heading: "Wspólne notatki", label: "Notatki zespołu programowego" },
  editor: { bold: "Pogrubienie", italic: "Kursywa", bulletList: "Lista punktowana", toolbar: "Formatowanie" },
  publish: {
    button: "Opublikuj program",
    done: (n: number) => `Opublikowano wersję ${n}.`,
    invalid: "Programu nie da się opublikować: sprawdź godziny (GG:MM) i długość tekstów.",
  },
  settings: {
    heading: "Kto współtworzy program",
    mode: "Współtworzą",
    modeAll: "wszyscy zalogowani członkowie",
    modeCities: "członkowie wybranych miast",
    cities: "Miasta",
    open: "Edycja otwarta",
    dotsBudget: "Liczba kropek na osobę",
    save: "Zapisz ustawienia",
    saved: "Zapisano ustawienia współtworzenia.",
  },
  history: {
    heading: "Historia wersji",
    link: "Historia wersji",
    versions: "Opublikowane wersje",
    snapshots: "Automatyczne zapisy",
    version: (n: number) => `Wersja ${n}`,
    snapshot: (date: string) => `Zapis z ${date}`,
    by: (name: string) => `opublikował(a): ${name}`,
    preview: "Podgląd",
    restore: "Przywróć tę wersję",
    restored: "Przywrócono wersję. Możesz to cofnąć przyciskiem „Cofnij”.",
    // The restore link only opens this question; the document changes after the moderator submits it.
    restoreAsk: {
      version: (n: number) => `wersję ${n}`,
      snapshot: (date: string) => `zapis z ${date}`,
      heading: (what: string) => `Przywrócić ${what}?`,
      explain: "Program, propozycje tematów i notatki w obszarze roboczym zostaną zastąpione tą wersją u wszystkich, którzy go teraz edytują. Możesz to cofnąć przyciskiem „Cofnij”.",
      confirm: (what: string) => `Przywróć ${what}`,
      cancel: "Anuluj",
      notFound: "Nie ma takiej wersji programu.",
    },
    none: "Brak zapisanych wersji.",
    back: "Wróć do programu",
  },
  print: { heading: (event: string) => `Program: ${event}`, printButton: "Drukuj", draft: "Wersja robocza (nieopublikowana)", invalidTime: "nieprawidłowa godzina", timeZone: "czas polski" },
  loading: "Wczytywanie edytora…",
};

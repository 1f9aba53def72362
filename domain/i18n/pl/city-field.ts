import { count, nouns } from "./plural.js";

/** The searchable city field (register, account, library editor) and its answers about a typed name. */
export const cityField = {
  hint: "np. Zduńska Wola",
  // Shown only with JavaScript, where typing offers suggestions.
  suggestionsHint: "Wpisz początek nazwy i wybierz miasto z podpowiedzi (strzałki w górę i w dół, Enter).",
  suggestionsLabel: "Podpowiedzi miast",
  noSuggestions: "Brak miast o takiej nazwie w katalogu.",
  suggestionsCount: (n: number) => `${count(n, nouns.podpowiedz)} — wybierz strzałkami`,
  unknown: (typed: string) => `Nie znamy miasta „${typed}”. Sprawdź pisownię albo wybierz miasto z podpowiedzi.`,
  ambiguous: (name: string, labels: string[]) => `Jest kilka miast o nazwie ${name}. Wpisz, o które chodzi, z województwem, np. ${labels.slice(0, 3).map((l) => `„${l}”`).join(", ")}.`,
  tooLong: "Nazwa miasta może mieć najwyżej 120 znaków.",
  api: { badQuery: "Parametr „q” (fragment nazwy miasta) może mieć najwyżej 80 znaków." },
} as const;

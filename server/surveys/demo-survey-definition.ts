import type { SurveyDefinition } from "./survey-definition.js";

const DAY = 86400_000;

/**
 * The 2020 survey ZMP sent to cities about the seminar cycle and their key local resources and factors. In the demo
 * it is open around today (so the demo accounts can answer it) and already answered by about twenty cities.
 */
export function demoSurveyDefinition(now = Date.now()): SurveyDefinition {
  return {
    slug: "seminaria-2020",
    title: "Zainteresowanie udziałem w cyklu seminariów Forum Rozwoju Lokalnego",
    intro:
      "Związek Miast Polskich przygotowuje cykl seminariów Forum Rozwoju Lokalnego. Prosimy miasta o informację, czy są zainteresowane udziałem, jakie tematy uważają za najważniejsze oraz jakie kluczowe zasoby i czynniki rozwoju lokalnego widzą u siebie. Odpowiedzi posłużą do ułożenia programu kolejnych spotkań.",
    respondent: "city",
    opensAt: new Date(now - 30 * DAY).toISOString(),
    closesAt: new Date(now + 30 * DAY).toISOString(),
    questions: [
      {
        id: "udzial",
        type: "single",
        text: "Czy miasto jest zainteresowane udziałem w cyklu seminariów Forum Rozwoju Lokalnego?",
        required: true,
        options: [
          { id: "tak", label: "Tak" },
          { id: "raczej-tak", label: "Raczej tak" },
          { id: "nie-wiem", label: "Trudno powiedzieć" },
          { id: "raczej-nie", label: "Raczej nie" },
          { id: "nie", label: "Nie" },
        ],
      },
      {
        id: "tematy",
        type: "multi",
        text: "Które tematy seminariów byłyby dla miasta najbardziej przydatne? (można wskazać kilka)",
        required: true,
        topics: true,
        options: [
          { id: "seniorzy", label: "Polityka senioralna i srebrna gospodarka", area: "demografia" },
          { id: "mlodzi", label: "Jak zatrzymać młodych w mieście", area: "demografia" },
          { id: "inwestorzy", label: "Przyciąganie inwestorów i obsługa przedsiębiorców", area: "gospodarka" },
          { id: "przedsiebiorczosc", label: "Wspieranie lokalnej przedsiębiorczości", area: "gospodarka" },
          { id: "adaptacja", label: "Adaptacja do zmian klimatu i retencja wody", area: "srodowisko-klimat" },
          { id: "energia", label: "Transformacja energetyczna i efektywność energetyczna", area: "srodowisko-klimat" },
          { id: "dane", label: "Zarządzanie danymi i usługi cyfrowe dla mieszkańców", area: "smart-city" },
          { id: "dochody", label: "Zwiększanie dochodów własnych miasta", area: "finanse" },
          { id: "fundusze", label: "Fundusze europejskie 2021–2027", area: "finanse" },
          { id: "rewitalizacja", label: "Rewitalizacja i gospodarowanie nieruchomościami miejskimi", area: "nieruchomosci" },
        ],
      },
      {
        id: "priorytety",
        type: "ranking",
        text: "Uszereguj obszary tematyczne Forum od najważniejszego dla miasta (wystarczą trzy pierwsze).",
        options: [
          { id: "demografia", label: "Zmiany demograficzne", area: "demografia" },
          { id: "gospodarka", label: "Rozwój gospodarczy", area: "gospodarka" },
          { id: "srodowisko-klimat", label: "Środowisko i klimat", area: "srodowisko-klimat" },
          { id: "smart-city", label: "Smart city", area: "smart-city" },
          { id: "finanse", label: "Finanse miasta", area: "finanse" },
          { id: "nieruchomosci", label: "Nieruchomości", area: "nieruchomosci" },
        ],
      },
      {
        id: "zasoby",
        type: "matrix",
        text: "Kluczowe zasoby i czynniki rozwoju lokalnego: czy w Państwa mieście są atutem czy barierą?",
        required: true,
        rows: [
          { id: "kapital-ludzki", label: "Kapitał ludzki i kompetencje mieszkańców" },
          { id: "przedsiebiorczosc", label: "Lokalna przedsiębiorczość" },
          { id: "dziedzictwo", label: "Dziedzictwo kulturowe i tożsamość miejsca" },
          { id: "przyroda", label: "Zasoby przyrodnicze" },
          { id: "polozenie", label: "Położenie i dostępność komunikacyjna" },
          { id: "tereny", label: "Tereny inwestycyjne" },
          { id: "wspolpraca", label: "Współpraca z uczelniami, biznesem i organizacjami" },
        ],
        options: [
          { id: "atut", label: "Atut" },
          { id: "neutralny", label: "Bez znaczenia" },
          { id: "bariera", label: "Bariera" },
        ],
      },
      {
        id: "gotowosc",
        type: "scale",
        text: "Jak ocenia Pan/Pani gotowość urzędu do pracy warsztatowej z mieszkańcami i partnerami?",
        scale: { min: 1, max: 5, minLabel: "bardzo niska", maxLabel: "bardzo wysoka" },
      },
      {
        id: "format",
        type: "single",
        text: "Jaka forma seminariów najbardziej Państwu odpowiada?",
        options: [
          { id: "stacjonarnie", label: "Stacjonarnie" },
          { id: "online", label: "Online" },
          { id: "hybrydowo", label: "Hybrydowo" },
        ],
      },
      { id: "uwagi", type: "text", text: "Jakie inne tematy lub potrzeby miasta powinny znaleźć się w programie seminariów?" },
    ],
  };
}

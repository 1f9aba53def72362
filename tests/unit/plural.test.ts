// Polish counts read right: "2 kropki", "5 kropek", "22 głosy", "112 głosów", "1,5 kropki".
import { describe, expect, it } from "vitest";
import { admin } from "../../domain/i18n/pl/admin.js";
import { agenda } from "../../domain/i18n/pl/agenda.js";
import { cities } from "../../domain/i18n/pl/cities.js";
import { cityField } from "../../domain/i18n/pl/city-field.js";
import { events } from "../../domain/i18n/pl/events.js";
import { library } from "../../domain/i18n/pl/library.js";
import { live } from "../../domain/i18n/pl/live.js";
import { count, nouns } from "../../domain/i18n/pl/plural.js";

const NS = [0, 1, 2, 4, 5, 12, 22, 25, 112];

describe("count()", () => {
  it.each([
    ["kropka", ["0 kropek", "1 kropka", "2 kropki", "4 kropki", "5 kropek", "12 kropek", "22 kropki", "25 kropek", "112 kropek"]],
    ["glos", ["0 głosów", "1 głos", "2 głosy", "4 głosy", "5 głosów", "12 głosów", "22 głosy", "25 głosów", "112 głosów"]],
    ["osoba", ["0 osób", "1 osoba", "2 osoby", "4 osoby", "5 osób", "12 osób", "22 osoby", "25 osób", "112 osób"]],
    ["miejsce", ["0 miejsc", "1 miejsce", "2 miejsca", "4 miejsca", "5 miejsc", "12 miejsc", "22 miejsca", "25 miejsc", "112 miejsc"]],
    ["wynik", ["0 wyników", "1 wynik", "2 wyniki", "4 wyniki", "5 wyników", "12 wyników", "22 wyniki", "25 wyników", "112 wyników"]],
    ["pytanie", ["0 pytań", "1 pytanie", "2 pytania", "4 pytania", "5 pytań", "12 pytań", "22 pytania", "25 pytań", "112 pytań"]],
    ["wiadomosc", ["0 wiadomości", "1 wiadomość", "2 wiadomości", "4 wiadomości", "5 wiadomości", "12 wiadomości", "22 wiadomości", "25 wiadomości", "112 wiadomości"]],
    ["material", ["0 materiałów", "1 materiał", "2 materiały", "4 materiały", "5 materiałów", "12 materiałów", "22 materiały", "25 materiałów", "112 materiałów"]],
  ] as const)("%s", (noun, expected) => {
    expect(NS.map((n) => count(n, nouns[noun]))).toEqual(expected);
  });

  it("uses the genitive singular and a decimal comma for fractions", () => {
    expect(count(1.5, nouns.kropka)).toBe("1,5 kropki");
    expect(count(0.5, nouns.glos)).toBe("0,5 głosu");
  });
});

describe("counts in the interface", () => {
  it("agenda dots, live votes, people in the room, new messages, search results, seats left", () => {
    expect([1, 2, 5, 22].map(agenda.proposals.votes)).toEqual(["1 kropka", "2 kropki", "5 kropek", "22 kropki"]);
    expect([1, 2, 5, 22].map(live.votes)).toEqual(["1 głos", "2 głosy", "5 głosów", "22 głosy"]);
    expect([2, 5].map(live.faq.votes)).toEqual(["2 głosy", "5 głosów"]);
    expect([1, 3, 12].map(live.presence)).toEqual(["1 osoba w pokoju", "3 osoby w pokoju", "12 osób w pokoju"]);
    expect([1, 2, 5].map(live.newMessagesAnnounce)).toEqual(["1 nowa wiadomość", "2 nowe wiadomości", "5 nowych wiadomości"]);
    expect([1, 3, 25].map(library.search.results)).toEqual(["1 wynik", "3 wyniki", "25 wyników"]);
    expect([1, 2, 5].map(events.seatsLeft)).toEqual(["Zostało 1 miejsce", "Zostały 2 miejsca", "Zostało 5 miejsc"]);
  });

  it("city merges, city usage, search reindex and city suggestions; after „przeniesiono” the accusative", () => {
    expect([1, 2, 5].map((n) => cities.review.merged("Gizycko-Wilkasy", "Giżycko", n))).toEqual([
      "Połączono „Gizycko-Wilkasy” z miastem Giżycko; przeniesiono 1 pozycję biblioteki.",
      "Połączono „Gizycko-Wilkasy” z miastem Giżycko; przeniesiono 2 pozycje biblioteki.",
      "Połączono „Gizycko-Wilkasy” z miastem Giżycko; przeniesiono 5 pozycji biblioteki.",
    ]);
    expect([1, 22].map((n) => cities.review.usageText(n, 0))).toEqual(["1 pozycja biblioteki, osób: 0", "22 pozycje biblioteki, osób: 0"]);
    expect([1, 3, 5].map((n) => cityField.suggestionsCount(n))).toEqual(["1 podpowiedź — wybierz strzałkami", "3 podpowiedzi — wybierz strzałkami", "5 podpowiedzi — wybierz strzałkami"]);
    expect(admin.searchIndex.done(2, "0,4", "dziś")).toContain("2 dokumenty w 0,4 s");
  });
});

// Polish counts: one helper over Intl.PluralRules("pl") so "2 kropki", "5 kropek" and "1,5 kropki" come out right
// wherever a number stands before a noun. Forms are listed in the order the rules name them.

const rules = new Intl.PluralRules("pl");
const numbers = new Intl.NumberFormat("pl-PL");

/** A noun's forms: 1 (one), 2–4, 22–24... (few), 0, 5–21, 25... (many), fractions such as 1,5 (other). */
export type PluralForms = readonly [one: string, few: string, many: string, other: string];

/** The form of a noun (or of a whole phrase) that goes with `n`. */
export function pluralForm(n: number, forms: PluralForms): string {
  switch (rules.select(n)) {
    case "one":
      return forms[0];
    case "few":
      return forms[1];
    case "many":
      return forms[2];
    default:
      return forms[3];
  }
}

/** "2 kropki": the number in Polish notation, then the matching form. */
export function count(n: number, forms: PluralForms): string {
  return `${numbers.format(n)} ${pluralForm(n, forms)}`;
}

/** Nouns the interface counts. */
export const nouns = {
  kropka: ["kropka", "kropki", "kropek", "kropki"],
  glos: ["głos", "głosy", "głosów", "głosu"],
  osoba: ["osoba", "osoby", "osób", "osoby"],
  miejsce: ["miejsce", "miejsca", "miejsc", "miejsca"],
  wynik: ["wynik", "wyniki", "wyników", "wyniku"],
  pytanie: ["pytanie", "pytania", "pytań", "pytania"],
  wiadomosc: ["wiadomość", "wiadomości", "wiadomości", "wiadomości"],
  nowaWiadomosc: ["nowa wiadomość", "nowe wiadomości", "nowych wiadomości", "nowej wiadomości"],
  // "3 uczestników" (trzech uczestników) reads right on its own, unlike "3 uczestnicy".
  uczestnik: ["uczestnik", "uczestników", "uczestników", "uczestnika"],
  material: ["materiał", "materiały", "materiałów", "materiału"],
  znak: ["znak", "znaki", "znaków", "znaku"],
  pozycja: ["pozycja", "pozycje", "pozycji", "pozycji"],
  // After a verb ("zaindeksuje 1 pozycję"): the accusative singular.
  pozycjaBiernik: ["pozycję", "pozycje", "pozycji", "pozycji"],
  wydarzenie: ["wydarzenie", "wydarzenia", "wydarzeń", "wydarzenia"],
  watek: ["wątek", "wątki", "wątków", "wątku"],
  dokument: ["dokument", "dokumenty", "dokumentów", "dokumentu"],
  minuta: ["minuta", "minuty", "minut", "minuty"],
  miasto: ["miasto", "miasta", "miast", "miasta"],
  spotkanie: ["spotkanie", "spotkania", "spotkań", "spotkania"],
  odpowiedz: ["odpowiedź", "odpowiedzi", "odpowiedzi", "odpowiedzi"],
  podpowiedz: ["podpowiedź", "podpowiedzi", "podpowiedzi", "podpowiedzi"],
  // After "za" ("za 1 godzinę", "za 2 dni"): the accusative.
  dzienBiernik: ["dzień", "dni", "dni", "dnia"],
  godzinaBiernik: ["godzinę", "godziny", "godzin", "godziny"],
  minutaBiernik: ["minutę", "minuty", "minut", "minuty"],
  nieprzeczytane: ["nieprzeczytane", "nieprzeczytane", "nieprzeczytanych", "nieprzeczytanego"],
} as const satisfies Record<string, PluralForms>;

import { count, nouns } from "./plural.js";

const przedstawiciel = ["przedstawiciel", "przedstawicieli", "przedstawicieli", "przedstawiciela"] as const;
const link = ["link", "linki", "linków", "linku"] as const;

/** Polish texts of survey invitations (issue 13): the staff page, the personal sign-up link, notifications and mail. */
export const surveyInvitations = {
  title: (survey: string) => `Zaproszenia: ${survey}`,
  linkFromResults: "Zaproszenia i kto odpowiedział",
  statusTitle: "Kto odpowiedział",
  intro:
    "Zaproszenie trafia do potwierdzonych przedstawicieli miasta jako powiadomienie (e-mailem lub w serwisie, zgodnie z ich ustawieniami). Miasto bez konta dostaje na adres kontaktowy osobisty link, przez który jego przedstawiciel zakłada konto od razu potwierdzone dla tego miasta.",
  onlyCitySurvey: "Zaproszenia dotyczą ankiet, na które odpowiadają miasta.",
  form: {
    title: "Zaproś miasta",
    scope: "Które miasta zaprosić",
    all: "Wszystkie miasta z katalogu",
    voivodeship: "Miasta z województwa",
    size: "Miasta według wielkości",
    network: "Miasta z sieci",
    individual: "Wybrane miasta",
    voivodeshipLabel: "Województwo",
    sizeLabel: "Wielkość miasta",
    networkLabel: "Sieć",
    citiesLabel: "Nazwy miast, każda w osobnym wierszu",
    citiesHint: "Miasto o nazwie, którą nosi kilka miast, podaj z województwem, np. „Józefów (mazowieckie)”.",
    submit: "Zaproś",
    alreadyNote: "Miasta zaproszone wcześniej nie dostaną drugiego zaproszenia; wyślesz je ponownie z tabeli poniżej.",
  },
  reminders: (dates: string[], closes: string) =>
    dates.length
      ? `Przypomnienia dostaną zaproszone miasta bez wysłanej odpowiedzi: ${dates.join(" oraz ")} (ankieta zamyka się ${closes}).`
      : `Na przypomnienia jest już za późno: ankieta zamyka się ${closes}.`,
  table: {
    caption: "Zaproszone miasta i stan ich odpowiedzi",
    city: "Miasto",
    status: "Stan odpowiedzi",
    submitted: "Wysłał(a)",
    reps: "Przedstawiciele",
    lastSent: "Ostatnie zaproszenie",
    actions: "Działania",
    states: { none: "Nie rozpoczęta", draft: "Wersja robocza", submitted: "Wysłana" } as Record<"none" | "draft" | "submitted", string>,
    submittedBy: (who: string, when: string) => `${who}, ${when}`,
    notSent: "jeszcze nie wysłano",
    noReps: "brak konta",
    repCount: (n: number) => count(n, przedstawiciel),
    resend: (city: string) => `Wyślij ponownie do: ${city}`,
    resendShort: "Wyślij ponownie",
    contact: (city: string) => `Adres kontaktowy miasta ${city}`,
    sendLink: "Wyślij link rejestracyjny",
    notInvited: "Odpowiedziało bez zaproszenia",
    empty: "Nie zaproszono jeszcze żadnego miasta.",
  },
  summary: (invited: number, submitted: number, missing: number) =>
    `Zaproszono ${count(invited, nouns.miasto)}; odpowiedź wysłały: ${count(submitted, nouns.miasto)}; bez wysłanej odpowiedzi: ${count(missing, nouns.miasto)}.`,
  outcome: (o: { added: number; notified: number; links: number; noAddress: number }) =>
    [
      `Zaproszono ${count(o.added, nouns.miasto)}.`,
      `Powiadomiono: ${count(o.notified, przedstawiciel)}.`,
      o.links ? `Wysłano ${count(o.links, link)} rejestracyjnych.` : "",
      o.noAddress ? `${count(o.noAddress, nouns.miasto)} bez konta i bez adresu kontaktowego: podaj adres w tabeli, aby wysłać link.` : "",
    ]
      .filter(Boolean)
      .join(" "),
  errors: {
    noCities: "Wybierz miasta do zaproszenia.",
    scope: "Wybierz, które miasta zaprosić.",
    unknownCities: (names: string[]) => `Nie rozpoznano miast: ${names.join("; ")}.`,
    notInvited: "To miasto nie jest zaproszone do tej ankiety.",
    email: "Podaj poprawny adres e-mail.",
    noAddress: "Miasto nie ma konta ani adresu kontaktowego: podaj adres, aby wysłać link.",
    closed: "Ankieta jest już zamknięta; zaproszeń nie wysyłamy.",
  },
  signup: {
    title: "Konto przedstawiciela miasta",
    intro: (city: string, survey: string) =>
      `Ten link zaprasza miasto ${city} do ankiety „${survey}”. Załóż konto: będzie od razu potwierdzonym kontem przedstawiciela miasta ${city}, więc po zalogowaniu wypełnisz ankietę w jego imieniu.`,
    city: "Miasto",
    submit: "Załóż konto",
    invalid: "Ten link rejestracyjny jest nieprawidłowy. Sprawdź, czy skopiowano go w całości.",
    used: "Ten link rejestracyjny został już wykorzystany — konto dla miasta zostało założone. Zaloguj się lub poproś Biuro ZMP o nowy link.",
    expired: "Ten link rejestracyjny wygasł lub zastąpił go nowszy. Poproś Biuro ZMP o nowy link.",
    emailTaken: "Konto z tym adresem e-mail już istnieje. Zaloguj się na nie i wskaż miasto w ustawieniach konta albo użyj innego adresu.",
    done: "Konto założone i potwierdzone dla Twojego miasta. Zaloguj się, aby wypełnić ankietę.",
    claimReason: (survey: string) => `Konto założone z osobistego linku zaproszenia do ankiety „${survey}”.`,
  },
  mail: {
    linkSubject: (survey: string) => `Zaproszenie do ankiety: ${survey}`,
    link: (city: string, survey: string, url: string, closes: string, expires: string) =>
      `Dzień dobry,\n\nZwiązek Miast Polskich zaprasza miasto ${city} do udziału w ankiecie „${survey}” Forum Rozwoju Lokalnego. Odpowiedzi przyjmujemy do ${closes}.\n\nMiasto nie ma jeszcze konta w serwisie. Pod tym osobistym linkiem przedstawiciel miasta założy konto od razu potwierdzone dla miasta ${city} i wypełni ankietę:\n${url}\n\nLink działa jeden raz, do ${expires}. Nie przekazuj go osobom spoza urzędu.\n\nForum Rozwoju Lokalnego`,
    reminderLinkSubject: (survey: string) => `Przypomnienie: ankieta ${survey}`,
    openedTitle: (survey: string) => `Zaproszenie do ankiety: ${survey}`,
    openedBody: (city: string, closes: string) => `Miasto ${city} jest zaproszone do ankiety. Odpowiedzi do ${closes}.`,
    openedLead: (city: string, survey: string) => `Związek Miast Polskich zaprasza miasto ${city} do udziału w ankiecie „${survey}”. Odpowiedź miasta może wypełnić każdy jego potwierdzony przedstawiciel.`,
    closingTitle: (survey: string) => `Ankieta zamyka się wkrótce: ${survey}`,
    closingBody: (city: string, closes: string) => `Miasto ${city} nie wysłało jeszcze odpowiedzi. Ankieta zamyka się ${closes}.`,
    closingLead: (city: string, survey: string) => `Miasto ${city} nie wysłało jeszcze odpowiedzi na ankietę „${survey}”. Wersję roboczą można dokończyć i wysłać do zamknięcia ankiety.`,
    city: "Miasto",
    closes: "Odpowiedzi do",
    open: "Wypełnij ankietę",
  },
};

export const auth = {
  login: {
    title: "Logowanie",
    intro: "Zaloguj się, aby zapisywać się na wydarzenia, współtworzyć program seminariów i brać udział w dyskusjach.",
    email: "Adres e-mail",
    password: "Hasło",
    submit: "Zaloguj się",
    forgot: "Nie pamiętasz hasła?",
    noAccount: "Nie masz konta?",
    register: "Załóż konto",
    invalid: "Nieprawidłowy e-mail lub hasło.",
    disabled: "Konto zostało zablokowane. Skontaktuj się z Biurem ZMP.",
    tooManyAccount: (m: number) => `Zbyt wiele nieudanych prób logowania na to konto. Spróbuj ponownie za ${m} min albo zresetuj hasło.`,
    tooManyIp: (m: number) => `Zbyt wiele prób logowania z Twojego adresu. Spróbuj ponownie za ${m} min.`,
  },
  register: {
    title: "Załóż konto",
    intro: "Konto jest bezpłatne. Przedstawiciele miast mogą wskazać swoje miasto, aby pojawić się na jego profilu.",
    name: "Imię i nazwisko",
    email: "Adres e-mail",
    password: "Hasło",
    passwordHint: "Co najmniej 12 znaków; kilka niepowiązanych słów jest łatwiej zapamiętać i trudniej odgadnąć.",
    checkMail:
      "Sprawdź skrzynkę e-mail: wysłaliśmy wiadomość z dalszymi krokami. Jeśli adres był nowy, konto jest gotowe i możesz się zalogować.",
    welcomeMailSubject: "Forum Rozwoju Lokalnego: konto zostało założone",
    welcomeMailBody: (name: string, link: string) =>
      `Dzień dobry ${name},\n\nTwoje konto w Forum Rozwoju Lokalnego jest gotowe. Zaloguj się adresem e-mail i wybranym hasłem:\n\n${link}\n\nJeśli to nie Ty zakładałeś(-aś) konto, napisz do Biura ZMP.\n\nZwiązek Miast Polskich`,
    existingMailSubject: "Forum Rozwoju Lokalnego: próba założenia konta na Twój adres",
    existingMailBody: (name: string, loginLink: string, resetLink: string) =>
      `Dzień dobry ${name},\n\nktoś (prawdopodobnie Ty) próbował założyć konto w Forum Rozwoju Lokalnego na ten adres, ale konto już istnieje.\nZaloguj się: ${loginLink}\nNie pamiętasz hasła? Ustaw nowe: ${resetLink}\n\nJeśli to nie Ty, zignoruj tę wiadomość — konto nie zostało zmienione.\n\nZwiązek Miast Polskich`,
    affiliation: "Kogo reprezentujesz?",
    city: "Miasto",
    cityNone: "— nie dotyczy —",
    // A stated city is a claim (issue 10): it grants nothing until someone who can check it confirms it.
    cityHint:
      "Wskazane miasto potwierdza Biuro ZMP (lub koordynator miasta). Do tego czasu masz uprawnienia zwykłego uczestnika, nie przedstawiciela miasta.",
    checkMailCity:
      "Wskazane miasto czeka na potwierdzenie przez Biuro ZMP. Do tego czasu konto ma uprawnienia zwykłego uczestnika; stan zgłoszenia zobaczysz po zalogowaniu na stronie „Moje konto”.",
    position: "Stanowisko (opcjonalnie)",
    submit: "Załóż konto",
    haveAccount: "Masz już konto?",
    emailTaken: "Konto z tym adresem e-mail już istnieje.",
    cityRequired: "Wybierz miasto, które reprezentujesz.",
  },
  logout: { title: "Wyloguj", confirm: "Czy na pewno chcesz się wylogować?", submit: "Wyloguj" },
  account: {
    title: "Moje konto",
    profile: "Dane profilu",
    saved: "Zapisano zmiany.",
    changePassword: "Zmiana hasła",
    currentPassword: "Obecne hasło",
    newPassword: "Nowe hasło",
    passwordChanged: "Hasło zostało zmienione. Pozostałe sesje zostały wylogowane.",
    wrongPassword: "Obecne hasło jest nieprawidłowe.",
    role: "Rola",
    welcome: "Witamy w Forum Rozwoju Lokalnego! Twoje konto jest gotowe — zapisz się na najbliższe wydarzenie."
  },
  reset: {
    requestTitle: "Nie pamiętasz hasła?",
    requestIntro: "Podaj adres e-mail konta. Wyślemy jednorazowy link do ustawienia nowego hasła (ważny 1 godzinę).",
    email: "Adres e-mail",
    requestSubmit: "Wyślij link",
    requestSent: "Jeśli konto z tym adresem istnieje, wysłaliśmy na nie wiadomość z linkiem.",
    title: "Ustaw nowe hasło",
    newPassword: "Nowe hasło",
    submit: "Ustaw hasło",
    invalidLink: "Link jest nieprawidłowy, wygasł albo został już użyty. Poproś o nowy.",
    done: "Hasło zostało ustawione. Możesz się zalogować.",
    mailSubject: "Forum Rozwoju Lokalnego: ustawienie nowego hasła",
    mailBody: (name: string, link: string) =>
      `Dzień dobry ${name},\n\nktoś (prawdopodobnie Ty) poprosił o zmianę hasła w Forum Rozwoju Lokalnego.\nAby ustawić nowe hasło, otwórz link (ważny 1 godzinę, jednorazowy):\n\n${link}\n\nJeśli to nie Ty, zignoruj tę wiadomość.\n\nZwiązek Miast Polskich`,
  },
  validation: {
    email: "Podaj poprawny adres e-mail.",
    passwordShort: "Hasło musi mieć co najmniej 12 znaków.",
    passwordWeak: (feedback: string) =>
      `To hasło łatwo odgadnąć. ${feedback ? `${feedback} ` : ""}Użyj na przykład kilku niepowiązanych słów.`.trim(),
    passwordLong: "Hasło może mieć najwyżej 200 znaków.",
    passwordRequired: "Podaj hasło.",
    nameRequired: "Podaj imię i nazwisko.",
    nameLong: "Najwyżej 120 znaków.",
    affiliation: "Wybierz, kogo reprezentujesz.",
  },
} as const;

/** Answers the HTTP layer gives before any page runs (plain text: no page is rendered for them). */
export const http = {
  wrongHost: "Ten serwer nie obsługuje tego adresu. Otwórz serwis pod jego właściwym adresem.",
  formTooLarge: (mb: number) => `Przesłany formularz jest za duży (limit: ${mb} MB). Skróć treść i spróbuj ponownie.`,
  uploadTooLarge: (mb: number) => `Przesyłane dane są za duże (limit: ${mb} MB). Wybierz mniejszy plik.`,
  crossSite: "Żądanie z innej witryny zostało odrzucone.",
  noCsrfCookie: "Formularz wygasł lub pochodzi z innej strony. Odśwież stronę i spróbuj ponownie.",
} as const;

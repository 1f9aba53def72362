export const home = {
  heroTitle: "Forum Rozwoju Lokalnego",
  heroLead:
    "Otwarta platforma debaty miast, administracji rządowej i ekspertów o endogennym, zrównoważonym rozwoju lokalnym. Seminaria, sieci wymiany doświadczeń, konferencje, webinaria i biblioteka dobrych praktyk — w jednym miejscu.",
  ctaEvents: "Zobacz wydarzenia",
  ctaLibrary: "Przeszukaj bibliotekę",
  ctaRegister: "Dołącz do Forum",
  areasTitle: "Obszary tematyczne",
  upcomingTitle: "Najbliższe wydarzenia",
  upcomingEmpty: "Nie zaplanowano jeszcze kolejnych wydarzeń. Zajrzyj wkrótce albo przejrzyj minione seminaria.",
  allEvents: "Wszystkie wydarzenia",
  practicesTitle: "Najnowsze dobre praktyki miast",
  allPractices: "Wszystkie dobre praktyki",
  howTitle: "Jak działa Forum",
  how: [
    { title: "Seminaria i warsztaty", text: "Cykle otwartych seminariów dla przedstawicieli miast małych i średnich, z programem współtworzonym przez miasta." },
    { title: "Sieci wymiany doświadczeń", text: "Samorządowo-rządowo-eksperckie sieci wokół wybranych miast, spotykające się mniej więcej raz na kwartał." },
    { title: "Konferencje ogólnopolskie", text: "Wiosenna i jesienna konferencja dla szerokiego grona samorządowców, ekspertów i administracji." },
    { title: "Biblioteka", text: "Publikacje, opisy narzędzi (m.in. Monitor Rozwoju Lokalnego), dobre praktyki, materiały i nagrania z seminariów." },
  ],
  networksTitle: "Sieci wymiany doświadczeń",
  networksIntro:
    "Od 2021 r. wokół miast wybranych do dofinansowania w Programie „Rozwój lokalny” działają sieci wymiany doświadczeń. Spotykają się mniej więcej raz na kwartał, a tematyka zależy od realizowanych projektów.",
  networksEmpty: "Brak zaplanowanych spotkań sieci. Moderatorzy ogłaszają je z wyprzedzeniem.",
  networksUpcoming: "Najbliższe spotkania sieci",
  networksPast: "Minione spotkania sieci",
} as const;

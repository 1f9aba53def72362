// Demo accounts created on first start when FRL_DEMO=1 (the default). The README lists this password.
export const DEMO_PASSWORD = "frl-demo-2026";

export const seedAccounts = [
  { email: "admin@frl.test", name: "Anna Administratorka", role: "admin", affiliation: "other", city: null, position: "Biuro ZMP" },
  { email: "moderator@frl.test", name: "Marek Moderator", role: "moderator", affiliation: "expert", city: null, position: "Ekspert ZMP, moderator seminariów" },
  { email: "member@frl.test", name: "Maria Członkini", role: "member", affiliation: "city", city: "dzierzoniow", position: "Kierowniczka Wydziału Rozwoju, Urząd Miasta" },
  { email: "ekspert@frl.test", name: "Tomasz Ekspert", role: "member", affiliation: "expert", city: null, position: "Instytut Rozwoju Miast i Regionów" },
  { email: "ministerstwo@frl.test", name: "Ewa Rządowa", role: "member", affiliation: "government", city: null, position: "Ministerstwo Funduszy i Polityki Regionalnej" },
  { email: "kalisz@frl.test", name: "Piotr Kaliski", role: "member", affiliation: "city", city: "kalisz", position: "Zastępca Prezydenta Miasta" },
] as const;

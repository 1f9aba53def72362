import { comparePolish } from "./polish-order.js";
/** The sixteen voivodeships by TERYT code, spelled as the directory stores them. */
export const voivodeshipsByTeryt: Record<string, string> = {
  "02": "dolnośląskie", "04": "kujawsko-pomorskie", "06": "lubelskie", "08": "lubuskie", "10": "łódzkie",
  "12": "małopolskie", "14": "mazowieckie", "16": "opolskie", "18": "podkarpackie", "20": "podlaskie",
  "22": "pomorskie", "24": "śląskie", "26": "świętokrzyskie", "28": "warmińsko-mazurskie", "30": "wielkopolskie",
  "32": "zachodniopomorskie",
};

export const voivodeshipNames = Object.values(voivodeshipsByTeryt).sort((a, b) => comparePolish(a, b));

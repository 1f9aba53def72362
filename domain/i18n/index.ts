import { pl } from "./pl/index.js";

// The interface is Polish; other locales would be added here with the same shape.
export const t = pl;

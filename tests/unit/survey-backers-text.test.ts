// Issue 13: the workspace names a survey proposal's cities ("… i 3 inne") and the published programme counts them
// ("Temat zgłosiło 5 miast"), both in correct Polish plural.
import { describe, expect, it } from "vitest";
import { t } from "../../domain/i18n/index.js";

describe("survey backers in Polish", () => {
  it("counts the cities that asked for a session and names the first backers of a proposal", () => {
    expect(t.agenda.published.askedBy(1)).toBe("Temat zgłosiło 1 miasto");
    expect(t.agenda.published.askedBy(3)).toBe("Temat zgłosiły 3 miasta");
    expect(t.agenda.published.askedBy(5)).toBe("Temat zgłosiło 5 miast");
    expect(t.agenda.published.askedBy(22)).toBe("Temat zgłosiły 22 miasta");
    expect(t.surveys.backedBy(["Dzierżoniów", "Kalisz", "Poznań", "Gdańsk", "Łódź"])).toBe("Zgłoszone w ankiecie przez: Dzierżoniów, Kalisz i 3 inne");
    expect(t.surveys.backedBy(["Dzierżoniów", "Kalisz", "Poznań", "Gdańsk", "Łódź", "Lublin", "Płock"])).toBe("Zgłoszone w ankiecie przez: Dzierżoniów, Kalisz i 5 innych");
    expect(t.surveys.backedBy(["Dzierżoniów", "Kalisz", "Poznań"])).toBe("Zgłoszone w ankiecie przez: Dzierżoniów, Kalisz i Poznań");
  });
});

import { areaSlugs } from "../../domain/thematic-areas.js";
import { LIBRARY_KINDS } from "./library-schemas.js";
import { SORTS } from "./library-search.js";

const error = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      properties: {
        code: { type: "string", enum: ["bad_parameter", "bad_query", "not_found", "search_unavailable"] },
        message: { type: "string", description: "Komunikat po polsku, zrozumiały dla człowieka." },
        parameter: { type: "string" },
      },
    },
  },
} as const;

const list = (description: string, items: Record<string, unknown>) => ({
  in: "query",
  required: false,
  description: `${description} Można powtórzyć parametr lub podać wartości po przecinku.`,
  style: "form",
  explode: true,
  schema: { type: "array", items },
});

/** Both operations share one budget per client address (API_RATE_LIMIT requests per minute). */
const tooMany = {
  description: "Za dużo zapytań z tego adresu w ciągu minuty",
  headers: { "Retry-After": { description: "Po ilu sekundach można spróbować ponownie", schema: { type: "integer" } } },
  content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
};

/** The OpenAPI 3.1 description of the read-only JSON API, served at /api/openapi.json. */
export function openApiDocument(serverUrl: string) {
  return {
    openapi: "3.1.0",
    info: { title: "Forum Rozwoju Lokalnego — API biblioteki", version: "1.0.0", description: "Wyszukiwanie i odczyt opublikowanych pozycji biblioteki FRL (tylko do odczytu)." },
    servers: [{ url: serverUrl }],
    paths: {
      "/api/search": {
        get: {
          operationId: "searchLibrary",
          summary: "Wyszukiwanie w bibliotece",
          parameters: [
            { name: "q", in: "query", required: false, description: "Zapytanie (do 200 znaków); polskie znaki i literówki są wybaczane.", schema: { type: "string", maxLength: 200 } },
            { name: "kind", ...list("Rodzaj pozycji.", { type: "string", enum: LIBRARY_KINDS }) },
            { name: "area", ...list("Obszar tematyczny.", { type: "string", enum: areaSlugs }) },
            { name: "city", ...list("Identyfikator miasta (slug).", { type: "string", pattern: "^[a-z0-9-]+$" }) },
            { name: "yearFrom", in: "query", required: false, schema: { type: "integer", minimum: 1900, maximum: 2100 } },
            { name: "yearTo", in: "query", required: false, schema: { type: "integer", minimum: 1900, maximum: 2100 } },
            { name: "sort", in: "query", required: false, schema: { type: "string", enum: SORTS, default: "relevance" } },
            { name: "page", in: "query", required: false, schema: { type: "integer", minimum: 1, maximum: 1000, default: 1 } },
            { name: "hitsPerPage", in: "query", required: false, schema: { type: "integer", minimum: 1, maximum: 100, default: 20 } },
          ],
          responses: {
            "200": { description: "Wyniki", content: { "application/json": { schema: { $ref: "#/components/schemas/SearchResult" } } } },
            "400": { description: "Nieprawidłowy parametr", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
            "429": tooMany,
            "503": { description: "Wyszukiwarka chwilowo niedostępna", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
          },
        },
      },
      "/api/library/{slug}": {
        get: {
          operationId: "getLibraryItem",
          summary: "Jedna opublikowana pozycja",
          parameters: [{ name: "slug", in: "path", required: true, schema: { type: "string", pattern: "^[a-z0-9-]+$" } }],
          responses: {
            "200": { description: "Pozycja", content: { "application/json": { schema: { $ref: "#/components/schemas/LibraryItem" } } } },
            "400": { description: "Nieprawidłowy adres", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
            "404": { description: "Brak opublikowanej pozycji", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
            "429": tooMany,
          },
        },
      },
    },
    components: {
      schemas: {
        Error: error,
        SearchHit: {
          type: "object",
          required: ["id", "externalId", "slug", "kind", "title", "url", "_formatted"],
          properties: {
            id: { type: "integer" },
            externalId: { type: ["string", "null"] },
            slug: { type: "string" },
            kind: { type: "string", enum: LIBRARY_KINDS },
            title: { type: "string" },
            url: { type: "string", description: "Ścieżka strony pozycji." },
            _formatted: {
              type: "object",
              description: "Tytuł i wycinek streszczenia jako HTML: tekst jest zakodowany (escaped), a dopasowania otoczone <mark>.",
              required: ["title", "summary"],
              properties: { title: { type: "string" }, summary: { type: "string" } },
            },
          },
        },
        SearchResult: {
          type: "object",
          required: ["hits", "facetDistribution", "estimatedTotalHits", "page", "hitsPerPage", "processingTimeMs"],
          properties: {
            hits: { type: "array", items: { $ref: "#/components/schemas/SearchHit" } },
            facetDistribution: { type: "object", description: "Liczby wyników dla wartości kind, areas, city i year.", additionalProperties: { type: "object", additionalProperties: { type: "integer" } } },
            estimatedTotalHits: { type: "integer" },
            page: { type: "integer" },
            hitsPerPage: { type: "integer" },
            processingTimeMs: { type: "integer" },
          },
        },
        LibraryItem: {
          type: "object",
          required: ["id", "slug", "kind", "title", "summary", "bodyHtml", "areas", "tags", "authors", "url"],
          properties: {
            id: { type: "integer" },
            externalId: { type: ["string", "null"] },
            slug: { type: "string" },
            kind: { type: "string", enum: LIBRARY_KINDS },
            title: { type: "string" },
            summary: { type: "string" },
            bodyHtml: { type: "string", description: "Oczyszczony HTML (bezpieczny podzbiór znaczników)." },
            areas: { type: "array", items: { type: "string" } },
            tags: { type: "array", items: { type: "string" } },
            authors: { type: "array", items: { type: "string" } },
            city: { type: ["object", "null"], properties: { slug: { type: "string" }, name: { type: "string" } } },
            event: { type: ["object", "null"], properties: { slug: { type: "string" }, title: { type: "string" }, startsAt: { type: "string", format: "date-time" } } },
            year: { type: ["integer", "null"] },
            publishedOn: { type: ["string", "null"], format: "date" },
            externalUrl: { type: ["string", "null"], format: "uri" },
            videoUrl: { type: ["string", "null"], format: "uri" },
            durationMinutes: { type: ["integer", "null"] },
            goodPractice: { type: ["object", "null"] },
            attachments: { type: "array", items: { type: "object", properties: { fileName: { type: "string" }, mime: { type: "string" }, sizeBytes: { type: "integer" }, url: { type: "string" } } } },
            url: { type: "string" },
            updatedAt: { type: "string", format: "date-time" },
          },
        },
      },
    },
  };
}

import { areaSlugs } from "../../domain/thematic-areas.js";

// OpenAPI 3.1 paths and schemas of the networks, events and cities read API (issue 14); merged into
// /api/openapi.json beside the library's.

const errorRef = { "application/json": { schema: { $ref: "#/components/schemas/Error" } } };
const tooMany = { description: "Za dużo zapytań z tego adresu w ciągu minuty", headers: { "Retry-After": { schema: { type: "integer" } } }, content: errorRef };
const paging = [
  { name: "page", in: "query", required: false, schema: { type: "integer", minimum: 1, maximum: 10000, default: 1 } },
  { name: "perPage", in: "query", required: false, schema: { type: "integer", minimum: 1, maximum: 100, default: 20 } },
];
const slugParam = (description: string) => ({ in: "query", required: false, description, schema: { type: "string", pattern: "^[a-z0-9-]+$" } });
const ok = (description: string, ref: string) => ({ description, content: { "application/json": { schema: { $ref: `#/components/schemas/${ref}` } } } });
const named = { type: "object", required: ["slug", "name"], properties: { slug: { type: "string" }, name: { type: "string" } } };

export const networkApiPaths = {
  "/api/networks": {
    get: {
      operationId: "listNetworks",
      summary: "Sieci wymiany doświadczeń",
      responses: { "200": ok("Sieci", "NetworkList"), "429": tooMany },
    },
  },
  "/api/networks/{slug}": {
    get: {
      operationId: "getNetwork",
      summary: "Jedna sieć: miasta, ludzie, spotkania, publiczne materiały",
      parameters: [{ name: "slug", in: "path", required: true, schema: { type: "string", pattern: "^[a-z0-9-]+$" } }],
      responses: { "200": ok("Sieć", "NetworkDetail"), "400": { description: "Nieprawidłowy adres", content: errorRef }, "404": { description: "Brak sieci", content: errorRef }, "429": tooMany },
    },
  },
  "/api/events": {
    get: {
      operationId: "listEvents",
      summary: "Wydarzenia w kolejności rozpoczęcia",
      parameters: [
        { name: "area", in: "query", required: false, schema: { type: "string", enum: areaSlugs } },
        { name: "kind", in: "query", required: false, schema: { type: "string", enum: ["seminar", "workshop", "conference", "webinar", "network_meeting"] } },
        { name: "from", in: "query", required: false, description: "Wydarzenia kończące się tego dnia lub później (czas warszawski).", schema: { type: "string", format: "date" } },
        { name: "to", in: "query", required: false, description: "Wydarzenia zaczynające się przed tym dniem (czas warszawski).", schema: { type: "string", format: "date" } },
        { name: "network", ...slugParam("Spotkania jednej sieci (slug sieci).") },
        ...paging,
      ],
      responses: { "200": ok("Wydarzenia", "EventPage"), "400": { description: "Nieprawidłowy parametr", content: errorRef }, "429": tooMany },
    },
  },
  "/api/cities": {
    get: {
      operationId: "listCities",
      summary: "Miasta (potwierdzone) w kolejności alfabetycznej",
      parameters: [
        { name: "voivodeship", in: "query", required: false, description: "Województwo, np. wielkopolskie.", schema: { type: "string" } },
        { name: "sizeClass", in: "query", required: false, schema: { type: "string", enum: ["small", "medium", "large"] } },
        { name: "q", in: "query", required: false, description: "Fragment nazwy; polskie znaki i wielkość liter nie mają znaczenia.", schema: { type: "string", maxLength: 100 } },
        { name: "network", ...slugParam("Obecni członkowie jednej sieci (slug sieci).") },
        ...paging,
      ],
      responses: { "200": ok("Miasta", "CityPage"), "400": { description: "Nieprawidłowy parametr", content: errorRef }, "429": tooMany },
    },
  },
};

const network = {
  type: "object",
  required: ["id", "slug", "name", "areas", "leader", "members", "nextMeeting"],
  properties: {
    id: { type: "integer" },
    slug: { type: "string" },
    name: { type: "string" },
    description: { type: "string" },
    status: { type: "string", enum: ["active", "closed"] },
    years: { type: "object", properties: { start: { type: "integer" }, end: { type: ["integer", "null"] } } },
    areas: { type: "array", items: { type: "string", enum: areaSlugs } },
    leader: { oneOf: [named, { type: "null" }] },
    members: { type: "array", items: named },
    nextMeeting: { type: ["object", "null"], properties: { slug: { type: "string" }, title: { type: "string" }, startsAt: { type: "string", format: "date-time" }, url: { type: "string" } } },
    url: { type: "string" },
  },
};

export const networkApiSchemas = {
  Network: network,
  NetworkList: { type: "object", required: ["networks"], properties: { networks: { type: "array", items: { $ref: "#/components/schemas/Network" } } } },
  NetworkDetail: {
    allOf: [
      { $ref: "#/components/schemas/Network" },
      {
        type: "object",
        properties: {
          formerMembers: { type: "array", items: { type: "object", properties: { slug: { type: "string" }, name: { type: "string" }, joinedOn: { type: "string", format: "date" }, leftOn: { type: "string", format: "date" } } } },
          people: { type: "array", items: { type: "object", properties: { name: { type: "string" }, role: { type: "string", enum: ["expert", "partner", "coordinator"] }, position: { type: ["string", "null"] } } } },
          meetings: { type: "array", items: { type: "object", properties: { slug: { type: "string" }, title: { type: "string" }, startsAt: { type: "string", format: "date-time" }, endsAt: { type: "string", format: "date-time" }, status: { type: "string" }, url: { type: "string" } } } },
          materials: { type: "array", items: { type: "object", properties: { slug: { type: "string" }, title: { type: "string" }, kind: { type: "string" }, year: { type: ["integer", "null"] }, url: { type: "string" } } } },
        },
      },
    ],
  },
  EventPage: {
    type: "object",
    required: ["events", "page", "perPage", "total"],
    properties: {
      events: {
        type: "array",
        items: {
          type: "object",
          properties: {
            id: { type: "integer" },
            slug: { type: "string" },
            title: { type: "string" },
            kind: { type: "string" },
            format: { type: "string", enum: ["online", "onsite", "hybrid"] },
            status: { type: "string", enum: ["scheduled", "cancelled"] },
            startsAt: { type: "string", format: "date-time" },
            endsAt: { type: "string", format: "date-time" },
            place: { type: ["string", "null"] },
            areas: { type: "array", items: { type: "string" } },
            network: { oneOf: [named, { type: "null" }] },
            url: { type: "string" },
          },
        },
      },
      page: { type: "integer" },
      perPage: { type: "integer" },
      total: { type: "integer" },
    },
  },
  CityPage: {
    type: "object",
    required: ["cities", "page", "perPage", "total"],
    properties: {
      cities: {
        type: "array",
        items: {
          type: "object",
          properties: {
            id: { type: "integer" },
            slug: { type: "string" },
            name: { type: "string" },
            voivodeship: { type: "string" },
            county: { type: "string" },
            teryt: { type: ["string", "null"] },
            population: { type: "integer" },
            sizeClass: { type: "string", enum: ["small", "medium", "large"] },
            lat: { type: ["number", "null"] },
            lng: { type: ["number", "null"] },
            url: { type: "string" },
          },
        },
      },
      page: { type: "integer" },
      perPage: { type: "integer" },
      total: { type: "integer" },
    },
  },
};

import type { Generated } from "kysely";

// Library (issue 3). Tags and authors are JSON arrays in text columns on both dialects.
export type LibraryKind = "publication" | "tool" | "good_practice" | "material" | "recording";
export type LibraryStatus = "draft" | "in_review" | "published";

export interface LibraryItemsTable {
  id: Generated<number>;
  kind: LibraryKind;
  slug: string;
  externalId: string | null;
  title: string;
  summary: string;
  bodySource: string; // Markdown as written or imported
  bodyHtml: string; // sanitised HTML rendered from bodySource
  bodyText: string; // plain text for the search index
  tags: string;
  authors: string;
  cityId: number | null;
  eventId: number | null;
  year: number | null;
  publishedOn: string | null;
  externalUrl: string | null;
  videoUrl: string | null;
  durationMinutes: number | null;
  problem: string | null;
  solution: string | null;
  results: string | null;
  costAndFunding: string | null;
  period: string | null;
  contact: string | null;
  status: LibraryStatus;
  authorId: number | null;
  importHash: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface LibraryItemAreasTable {
  itemId: number;
  areaId: number;
}

export interface LibraryRevisionsTable {
  id: Generated<number>;
  itemId: number;
  snapshot: string; // JSON of the item as it was before a save
  savedBy: number | null;
  createdAt: string;
}

export interface LibraryAttachmentsTable {
  id: Generated<number>;
  itemId: number;
  fileName: string;
  mime: string;
  sizeBytes: number;
  storageKey: string;
  uploadedBy: number | null;
  createdAt: string;
}

export interface SearchOutboxTable {
  id: Generated<number>;
  entity: "library" | "event" | "thread" | "network_thread";
  entityId: number;
  op: "upsert" | "delete";
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  createdAt: string;
}

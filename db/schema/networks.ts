import type { Generated } from "kysely";

// Networks of experience exchange (issue 14). Membership rows are history: leftOn null means a member now.
export type NetworkStatus = "active" | "closed";
export type NetworkPersonRole = "expert" | "partner" | "coordinator";
export type AgreementStatus = "open" | "in_progress" | "done" | "dropped";

export interface NetworksTable {
  id: Generated<number>;
  slug: string;
  name: string;
  description: string;
  status: NetworkStatus;
  startYear: number;
  endYear: number | null;
  leaderCityId: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface NetworkAreasTable {
  networkId: number;
  areaId: number;
}

export interface NetworkCitiesTable {
  id: Generated<number>;
  networkId: number;
  cityId: number;
  joinedOn: string; // YYYY-MM-DD
  leftOn: string | null;
}

export interface NetworkPeopleTable {
  id: Generated<number>;
  networkId: number;
  userId: number;
  role: NetworkPersonRole;
  joinedOn: string;
  leftOn: string | null;
}

export interface NetworkAgreementsTable {
  id: Generated<number>;
  networkId: number;
  eventId: number | null;
  title: string;
  ownerCityId: number | null;
  ownerUserId: number | null;
  dueOn: string | null;
  status: AgreementStatus;
  createdBy: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface NetworkMaterialsTable {
  networkId: number;
  itemId: number;
  membersOnly: number;
  createdAt: string;
}

export interface NetworkThreadsTable {
  id: Generated<number>;
  networkId: number;
  title: string;
  createdBy: number | null;
  createdAt: string;
  lastPostAt: string;
}

export interface NetworkPostsTable {
  id: Generated<number>;
  threadId: number;
  authorId: number | null;
  body: string;
  createdAt: string;
}

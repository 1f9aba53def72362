// Query and form schemas of single routes, kept out of the route modules so zod stays out of the browser build (a
// module-level `z.object(...)` in a route would ship zod to every visitor of the page). Domain-wide schemas live in
// server/<domain>/ and reach routes through server-modules.server.ts.
import { z } from "zod";

export { ZodError } from "zod";

/** /miasta filters: anything unreadable is simply ignored, like a filter left empty. */
export const cityListQuerySchema = z.object({
  q: z.string().trim().max(80).optional().catch(undefined),
  woj: z.string().max(40).optional().catch(undefined),
  wielkosc: z.enum(["small", "medium", "large"]).optional().catch(undefined),
});

/** /admin/uzytkownicy filters and page. */
export const userListQuerySchema = z.object({
  q: z.string().trim().max(80).optional().catch(undefined),
  role: z.enum(["admin", "moderator", "member"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).catch(1),
});

/** /admin/wyszukiwarka: the one action is a rebuild. */
export const searchAdminActionSchema = z.object({ intent: z.literal("rebuild") });

/** An agenda version (`v3`) or snapshot (`s12`) to restore. */
export const agendaRestoreRef = z.string().regex(/^[vs][1-9][0-9]{0,8}$/);

/** The agenda workspace settings form. */
export const agendaSettingsSchema = z.object({
  mode: z.enum(["all", "cities"]),
  cityIds: z.array(z.coerce.number().int().positive()).max(200).default([]),
  open: z.literal("1").optional(),
  dotsBudget: z.coerce.number().int().min(1).max(50),
});

/** Library item ids asked for as agenda materials. */
export const agendaMaterialIdsSchema = z.array(z.coerce.number().int().positive()).min(1).max(50);

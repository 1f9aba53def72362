// Server code that routes use in their loaders and actions. The `.server` name makes the Remix compiler replace this
// module with an empty one in the browser build, so none of it (nor zod, zxcvbn, sanitize-html, marked) reaches a
// client bundle: a route module importing server/ directly would ship it, since esbuild cannot prove those modules
// free of side effects. Anything a component renders comes from domain/ instead (npm test checks the JavaScript
// budget, scripts/js-budget.ts; ESLint refuses a direct import of server/ or zod in app/routes and app/components).
export { changePasswordSchema, loginSchema, profileSchema, registerSchema, resetRequestSchema, resetSchema, signupLinkSchema } from "../../server/auth/auth-schemas.js";
export { AuthError } from "../../server/auth/auth-service.js";
export { can, isStaff } from "../../server/auth/permissions.js";
export { userAdminSchema } from "../../server/auth/user-admin.js";
export { CityClaimError, claimDecisionSchema, coordinatorSchema } from "../../server/cities/city-claim-service.js";
export { cityReviewSchema } from "../../server/cities/city-review.js";
export { isNamedError } from "../../server/errors.js";
export { eventListQuerySchema } from "../../server/events/event-schemas.js";
export { eventCardView, publicEventView } from "../../server/events/event-view.js";
export { toICalendar } from "../../server/events/ical.js";
export { maySeeJoinLink } from "../../server/events/join-link.js";
export { localToUtcIso, utcIsoToLocal } from "../../server/events/time-zone.js";
export { MAX_ATTACHMENT_BYTES, UploadError } from "../../server/library/file-check.js";
export { LIBRARY_STATUSES } from "../../server/library/library-schemas.js";
export { isSearchQueryError, membersOnlyFilter, parseSearchParams, searchLibrary, SearchParamError, toApiResult } from "../../server/library/library-search.js";
export { openApiDocument } from "../../server/library/openapi.js";
export { markdownToSafeHtml, sanitizeBodyHtml } from "../../server/library/sanitize.js";
export { citiesQuerySchema, eventsQuerySchema, networkSlugParam, queryObject } from "../../server/networks/api-schemas.js";
export { openToAllAt } from "../../server/networks/members-first.js";
export { networkDetailJson, networkJson } from "../../server/networks/network-json.js";
export { agreementFormSchema, agreementStatusSchema, cityAddSchema, cityRemoveSchema, materialLinkSchema, materialUnlinkSchema, openToAllSchema, personAddSchema, personQuerySchema, personRemoveSchema, replyFormSchema, staffAgreementSchema, staffSeriesSchema, threadFormSchema } from "../../server/networks/network-schemas.js";
export { networkApiPaths, networkApiSchemas } from "../../server/networks/openapi.js";
export { followSchema, markReadSchema, notificationSettingsSchema } from "../../server/notifications/notification-schemas.js";
export { draftOf, emptyDraft } from "../../server/surveys/survey-builder-form.js";
export { surveyCsv } from "../../server/surveys/survey-csv.js";
export { inviteFormSchema, resendFormSchema } from "../../server/surveys/survey-invitation-schemas.js";
export { surveyXlsx } from "../../server/surveys/survey-xlsx.js";
export { InputError } from "../../server/validation/input-error.js";

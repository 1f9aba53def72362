import { auth } from "./auth.js";
import { common } from "./common.js";
import { events } from "./events.js";
import { cities } from "./cities.js";
import { home } from "./home.js";
import { admin } from "./admin.js";
import { library } from "./library.js";
import { live } from "./live.js";
import { agenda } from "./agenda.js";
import { cityClaims } from "./city-claims.js";
import { http } from "./http.js";
import { accessibility } from "./accessibility.js";
import { surveys } from "./surveys.js";
import { surveyBuilder } from "./survey-builder.js";
import { cityField } from "./city-field.js";
import { networks } from "./networks.js";
import { notifications } from "./notifications.js";
import { surveyInvitations } from "./survey-invitations.js";

/** All Polish UI strings, one module per domain. */
export const pl = { common, auth, events, cities, home, admin, live, library, agenda, cityClaims, http, accessibility, surveys, surveyBuilder, cityField, networks, notifications, surveyInvitations };
export type Messages = typeof pl;

import type { SessionUser } from "../db/repositories/sessions.js";
import type { AppServices } from "./services.js";

/** What every Remix loader and action receives as `context`. */
export type FrlLoadContext = {
  services: AppServices;
  user: SessionUser | null;
  csrfToken: string;
  /** Checks a submitted CSRF token against this request's cookie. */
  verifyCsrf: (submitted: string | null | undefined) => boolean;
  nonce: string;
  clientIp: string;
  /** Absolute origin of this site as seen by the browser, e.g. http://localhost:3000. */
  origin: string;
  /** Set-Cookie values to add to the response (sessions are created and ended in actions). */
  setCookie: (value: string) => void;
};

declare module "@remix-run/node" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends FrlLoadContext {}
}

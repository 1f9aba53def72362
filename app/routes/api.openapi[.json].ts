import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { openApiDocument } from "../../server/library/openapi.js";

/** GET /api/openapi.json: OpenAPI 3.1 description of the JSON API. */
export async function loader({ context }: LoaderFunctionArgs) {
  return json(openApiDocument(context.origin), { headers: { "Cache-Control": "public, max-age=300", "Access-Control-Allow-Origin": "*" } });
}

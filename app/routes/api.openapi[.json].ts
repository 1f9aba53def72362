import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { networkApiPaths, networkApiSchemas, openApiDocument } from "~/lib/server-modules.server";

/** GET /api/openapi.json: OpenAPI 3.1 description of the JSON API (library, then networks, events and cities). */
export async function loader({ context }: LoaderFunctionArgs) {
  const doc = openApiDocument(context.origin);
  const merged = { ...doc, paths: { ...doc.paths, ...networkApiPaths }, components: { ...doc.components, schemas: { ...doc.components.schemas, ...networkApiSchemas } } };
  return json(merged, { headers: { "Cache-Control": "public, max-age=300", "Access-Control-Allow-Origin": "*" } });
}

import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { handleApi } from "~/api/v1.server";

/**
 * The JSON API, version 1: one route for all its addresses, which v1.server.ts dispatches from
 * its list of operations (the same list the OpenAPI document describes). Authenticated by
 * personal access tokens only, never by the session cookie (decision 0027).
 */
export function loader({ request }: LoaderFunctionArgs) {
  return handleApi(request);
}

export function action({ request }: ActionFunctionArgs) {
  return handleApi(request);
}

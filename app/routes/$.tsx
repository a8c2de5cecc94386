import type { ClientLoaderFunctionArgs } from "@remix-run/react";
import { httpError } from "~/lib/http.server";

/** Any unknown address: a 404 page inside the layout. */
export async function loader() {
  httpError(404);
}

export async function action() {
  httpError(404);
}

/**
 * In the browser, after hydration: an address the browser's route table does not list (a page
 * drawn by the server without JavaScript, a download, or no page at all; scripts/trim-manifest.mjs)
 * is asked of the server as a document, which draws it or answers 404. The promise never settles:
 * the page stays as it is until the browser replaces it, as after any link without JavaScript.
 */
export async function clientLoader({ request }: ClientLoaderFunctionArgs) {
  window.location.assign(request.url);
  return new Promise<never>(() => {});
}

export default function NotFound() {
  return null;
}

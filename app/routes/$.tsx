import { httpError } from "~/lib/http.server";

/** Any unknown address: a 404 page inside the layout. */
export async function loader() {
  httpError(404);
}

export async function action() {
  httpError(404);
}

export default function NotFound() {
  return null;
}

import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { SnapshotView } from "~/components/snapshot";
import { getSnapshot } from "~/domain/snapshots.server";
import { requireUser } from "~/lib/auth.server";
import { notFoundUnless } from "~/lib/http.server";
import { useT } from "~/lib/i18n/react";
import { pageTitle } from "~/lib/meta";
import type { PageHandle } from "~/lib/i18n";
import { boardMessages } from "~/lib/i18n/messages/board";
import { meetingsMessages } from "~/lib/i18n/messages/meetings";

export const handle: PageHandle = { messages: [boardMessages, meetingsMessages], hydrate: false };

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, "board.snapshotTitle", { date: data?.snapshot.meetingDate ?? "" });

/** The meeting's paper: A4 portrait, no navigation (print CSS), printed straight from the browser. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  requireUser(context, request);
  return json({ snapshot: notFoundUnless(await getSnapshot(params.id ?? "")) });
}

export default function PrintSnapshot() {
  const t = useT();
  const { snapshot } = useLoaderData<typeof loader>();
  return (
    <div className="pionieri-print-page">
      <p className="no-print alert alert-info">{t("board.printHint")}</p>
      <SnapshotView snapshot={snapshot} />
    </div>
  );
}

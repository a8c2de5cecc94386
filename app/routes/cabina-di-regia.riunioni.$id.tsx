import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Breadcrumb } from "~/components/breadcrumb";
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

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  requireUser(context, request);
  return json({ snapshot: notFoundUnless(await getSnapshot(params.id ?? "")) });
}

export default function SnapshotPage() {
  const t = useT();
  const { snapshot } = useLoaderData<typeof loader>();
  return (
    <>
      <Breadcrumb
        parents={[
          { to: "/cabina-di-regia", label: t("nav.board") },
          { to: "/cabina-di-regia/riunioni", label: t("board.snapshots") },
        ]}
        current={snapshot.meetingDate}
      />
      <p className="no-print">
        <Link to={`/cabina-di-regia/riunioni/${snapshot.id}/stampa`}>{t("board.print")}</Link>
      </p>
      <SnapshotView snapshot={snapshot} />
    </>
  );
}

import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { GroupCard } from "~/components/groups";
import { listGroups } from "~/domain/groups.server";
import { requireUser } from "~/lib/auth.server";
import { useT } from "~/lib/i18n/react";
import { pageTitle } from "~/lib/meta";
import { useRootData } from "~/lib/root-data";
import type { PageHandle } from "~/lib/i18n";
import { groupsMessages } from "~/lib/i18n/messages/groups";

export const handle: PageHandle = { messages: [groupsMessages] };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "groups.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  requireUser(context, request);
  return json({ groups: await listGroups() });
}

export default function Groups() {
  const t = useT();
  const { groups } = useLoaderData<typeof loader>();
  const actor = useRootData()?.user?.actor;
  return (
    <>
      <h1>{t("groups.title")}</h1>
      <p>{t("groups.intro")}</p>
      <div className="pionieri-group-grid">
        {groups.map((group) => (
          <GroupCard key={group.id} group={group} actor={actor} returnTo="/gruppi" headingLevel={2} />
        ))}
      </div>
    </>
  );
}

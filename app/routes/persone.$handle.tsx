import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { StatusBadge } from "~/components/status-badge";
import { getPerson } from "~/domain/people.server";
import { requireUser } from "~/lib/auth.server";
import { formatDate } from "~/lib/dates";
import { notFoundUnless } from "~/lib/http.server";
import { useLocale, useT } from "~/lib/i18n/react";
import { pageTitle } from "~/lib/meta";
import type { PageHandle } from "~/lib/i18n";
import { groupsMessages } from "~/lib/i18n/messages/groups";

export const handle: PageHandle = { messages: [groupsMessages], hydrate: false };

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? [{ title: `${data.person.displayName} · Pionieri` }] : pageTitle(matches, "error.notFoundTitle");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  requireUser(context, request);
  const person = notFoundUnless(await getPerson(params.handle ?? ""));
  return json({ person });
}

export default function Person() {
  const t = useT();
  const locale = useLocale();
  const { person } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{person.displayName}</h1>
      <p className="lead">
        {person.office}
        {person.active ? "" : ` · ${t("admin.users.statusInactive")}`}
      </p>
      <h2 className="h4">{t("people.groups")}</h2>
      {person.memberships.length === 0 ? (
        <p>{t("people.noGroups")}</p>
      ) : (
        <ul>
          {person.memberships.map((m) => (
            <li key={m.group.slug}>
              <Link to={`/gruppi/${m.group.slug}`}>{m.group.name}</Link>
              {m.isLeader ? ` · ${t("role.leader")}` : ""}
            </li>
          ))}
        </ul>
      )}
      <h2 className="h4">{t("people.ideas")}</h2>
      {person.ideas.length === 0 ? (
        <p>{t("people.noIdeas")}</p>
      ) : (
        <ul>
          {person.ideas.map((idea) => (
            <li key={idea.id}>
              <Link to={`/idee/${idea.id}`}>{idea.title}</Link> <StatusBadge status={idea.status} /> ·{" "}
              {formatDate(idea.createdAt, locale)}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

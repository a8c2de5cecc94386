import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GroupCard } from "~/components/groups";
import { ActivityList } from "~/components/activity";
import { CachedFragment } from "~/components/cached-fragment";
import { listGroups } from "~/domain/groups.server";
import { recentActivity } from "~/domain/activity.server";
import { openChallenges } from "~/domain/open-challenges.server";
import { can } from "~/domain/policy.server";
import { requireUser } from "~/lib/auth.server";
import { formatDay } from "~/lib/dates";
import { useLocale, useT } from "~/lib/i18n/react";
import { pageTitle } from "~/lib/meta";
import { useRootData } from "~/lib/root-data";
import type { PageHandle } from "~/lib/i18n";
import { groupsMessages } from "~/lib/i18n/messages/groups";

/** Links and plain forms only (join and leave post to the group's page): drawn by the server. */
export const handle: PageHandle = { messages: [groupsMessages], hydrate: false };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "nav.home");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(context, request);
  const [groups, activity, challenges] = await Promise.all([listGroups(), recentActivity(10), openChallenges()]);
  return json({ groups, activity, challenges, canPropose: can(user.actor, "idea.create") });
}

export default function Home() {
  const t = useT();
  const { groups, activity, challenges, canPropose } = useLoaderData<typeof loader>();
  const locale = useLocale();
  const actor = useRootData()?.user?.actor;
  const mine = groups.filter((group) => actor?.memberOf.includes(group.id)).length;
  return (
    <>
      <section className="pionieri-welcome" aria-labelledby="welcome-title">
        <h1 id="welcome-title">{t("home.title")}</h1>
        <p className="lead">{t("home.intro1")}</p>
        <p>{t("home.intro2")}</p>
        <p>{t("home.intro3")}</p>
        {canPropose ? (
          <p className="pionieri-question-cta">
            <span className="lead">{t("ideas.newQuestion")}</span>{" "}
            <Link to="/idee/nuova" className="btn btn-primary">
              {t("ideas.new")}
            </Link>
          </p>
        ) : null}
      </section>
      {challenges.length > 0 ? (
        <section aria-labelledby="challenges-title" className="mb-4">
          <h2 id="challenges-title">{t("home.challenges")}</h2>
          <ul className="pionieri-challenge-list">
            {challenges.map((challenge) => (
              <li key={challenge.id}>
                <Link to={`/sfide/${challenge.id}`}>{challenge.title}</Link>{" "}
                <span className="pionieri-muted">
                  {t("home.challengeLine", { date: formatDay(challenge.closesOn, locale), count: challenge.ideaCount })}
                </span>
              </li>
            ))}
          </ul>
          <Link to="/sfide">{t("home.allChallenges")}</Link>
        </section>
      ) : null}
      <section aria-labelledby="groups-title">
        <h2 id="groups-title">{t("home.groups")}</h2>
        <p>
          {mine === 0
            ? t("home.noGroups")
            : mine === 1
              ? t("home.yourGroupsOne")
              : t("home.yourGroups", { count: mine })}
        </p>
        <div className="pionieri-group-grid">
          {groups.map((group) => (
            <GroupCard key={group.id} group={group} actor={actor} returnTo="/" />
          ))}
        </div>
      </section>
      <section aria-labelledby="activity-title" className="mt-5">
        <h2 id="activity-title">{t("activity.title")}</h2>
        {/* The same for every colleague: drawn once while nothing is written (decision 0033). */}
        <CachedFragment name={`${activity.drawing.view}|${locale}`} version={activity.drawing.version}>
          <ActivityList items={activity.items} />
        </CachedFragment>
        <p>
          <Link to="/idee">{t("activity.allIdeas")}</Link>
        </p>
      </section>
    </>
  );
}

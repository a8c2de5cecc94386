import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Breadcrumb } from "~/components/breadcrumb";
import { CachedFragment } from "~/components/cached-fragment";
import { drawingSlot, useDrawingData } from "~/lib/drawing-data";
import { leaveForDrawing } from "~/lib/drawing-data.server";
import { DataTable } from "~/components/data-table";
import { memberCountLabel, MembershipButton } from "~/components/groups";
import { IdeaCard } from "~/components/ideas";
import { findGroup, getGroupPage, joinGroup, leaveGroup } from "~/domain/groups.server";
import { listIdeas } from "~/domain/idea-list.server";
import { groupMeetings } from "~/domain/meetings.server";
import { MeetingList } from "~/components/meetings";
import { timelineData, type TimelineDrawing } from "~/domain/timeline.server";
import { ObjectivesTable, TimelineChart } from "~/components/timeline";
import { addDays, addMonths, startOfMonth, today } from "~/lib/days";
import { can } from "~/domain/policy.server";
import { requireUser, safeRedirectPath } from "~/lib/auth.server";
import { formatDate } from "~/lib/dates";
import { redirectWithFlash } from "~/lib/flash.server";
import { field } from "~/lib/forms";
import { httpError, notFoundUnless } from "~/lib/http.server";
import { useLocale, useT } from "~/lib/i18n/react";
import { pageTitle } from "~/lib/meta";
import { useRootData } from "~/lib/root-data";
import type { PageHandle } from "~/lib/i18n";
import { groupsMessages } from "~/lib/i18n/messages/groups";
import { ideasMessages } from "~/lib/i18n/messages/ideas";
import { planMessages } from "~/lib/i18n/messages/plan";
import { groupMeetingsMessages } from "~/lib/i18n/messages/groupMeetings";

/** Called from hydrated pages: joining and leaving from home and /gruppi post here. */
export const handle: PageHandle = {
  messages: [groupsMessages, ideasMessages, planMessages, groupMeetingsMessages],
  hydrate: false,
  calledFromHydratedPages: true,
};

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  data ? [{ title: `${data.group.name} · Pionieri` }] : pageTitle(matches, "error.notFoundTitle");

const MEMBERS_SHOWN = 50;

/** What only the kept chart and table of objectives draw: left on the server, not sent as JSON (0041). */
const drawn = drawingSlot<TimelineDrawing>("group-timeline");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = requireUser(context, request);
  // At scale a group has hundreds of members: the first ones on the page, all of them on request.
  const allMembers = new URL(request.url).searchParams.get("membri") === "tutti";
  const group = notFoundUnless(await getGroupPage(params.slug ?? "", allMembers ? undefined : MEMBERS_SHOWN));
  const now = today();
  const from = addMonths(startOfMonth(now), -2);
  const to = addDays(addMonths(startOfMonth(now), 4), -1);
  const [ideas, timeline, meetings] = await Promise.all([
    listIdeas(user.actor, { groupId: group.id, sort: "recenti" }, 10),
    timelineData({ groupId: group.id, from, to }),
    groupMeetings(group.id),
  ]);
  const { objectives, groups, ...timelineRest } = timeline;
  leaveForDrawing(context, drawn, { objectives, groups });
  return json({
    group,
    ideas: ideas.items,
    moreIdeas: ideas.nextCursor !== null,
    canPropose: can(user.actor, "idea.create"),
    canPlan: can(user.actor, "objective.create", group),
    canMeet: can(user.actor, "meeting.manage", group),
    meetings,
    timeline: { ...timelineRest, today: now, from, to },
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = requireUser(context, request);
  const group = notFoundUnless(await findGroup({ slug: params.slug ?? "" }));
  const form = await request.formData();
  const intent = field(form, "intent");
  const back = safeRedirectPath(field(form, "returnTo"), `/gruppi/${group.slug}`);
  if (intent === "join") {
    await joinGroup(user.actor, group.id);
    return redirectWithFlash(back, "groups.joined", { name: group.name });
  }
  if (intent === "leave") {
    await leaveGroup(user.actor, group.id);
    return redirectWithFlash(back, "groups.left", { name: group.name }, { tone: "info" });
  }
  httpError(400, "v.unknownIntent");
}

export default function GroupPage() {
  const t = useT();
  const locale = useLocale();
  const { group, ideas, moreIdeas, canPropose, canPlan, canMeet, meetings, timeline } = useLoaderData<typeof loader>();
  const { objectives, groups } = useDrawingData(drawn);
  const actor = useRootData()?.user?.actor;
  const leaders = group.members.filter((member) => member.isLeader);
  return (
    <>
      <Breadcrumb parents={[{ to: "/gruppi", label: t("nav.groups") }]} current={group.name} />
      <header className="pionieri-group-header" style={{ borderLeftColor: group.colour }}>
        <h1>{group.name}</h1>
        <p className="lead">{group.description}</p>
        <p>
          {t("groups.leaders")}:{" "}
          {leaders.length > 0 ? leaders.map((leader) => leader.displayName).join(", ") : t("groups.noLeaders")}
        </p>
        <MembershipButton group={group} actor={actor} returnTo={`/gruppi/${group.slug}`} />
        <p className="mt-2 mb-0">
          <Link to={`/gruppi/${group.slug}/documenti`}>{t("docs.link")}</Link>
        </p>
      </header>
      <section aria-labelledby="meetings-title" className="mt-4">
        <div className="pionieri-title-row">
          <h2 id="meetings-title" className="h4">
            {t("gmeetings.title")}
          </h2>
          {canMeet ? (
            <Link to={`/riunioni/nuova?gruppo=${group.slug}`} className="btn btn-outline-primary btn-sm">
              {t("gmeetings.new")}
            </Link>
          ) : null}
        </div>
        <h3 className="h6">{t("gmeetings.upcoming")}</h3>
        <MeetingList meetings={meetings.upcoming} empty={t("gmeetings.noneUpcoming")} />
        <h3 className="h6">{t("gmeetings.past")}</h3>
        <MeetingList meetings={meetings.past} empty={t("gmeetings.nonePast")} />
      </section>
      <section aria-labelledby="objectives-title" className="mt-4">
        <div className="pionieri-title-row">
          <h2 id="objectives-title" className="h4">
            {t("groups.objectives")}
          </h2>
          {canPlan ? (
            <Link to={`/obiettivi/nuovo?gruppo=${group.slug}`} className="btn btn-outline-primary btn-sm">
              {t("timeline.newObjective")}
            </Link>
          ) : null}
        </div>
        {/* Drawn once while nothing is written, as on the crono-programma. */}
        <CachedFragment name={`${timeline.drawing.view}|${locale}|group`} version={timeline.drawing.version}>
          <TimelineChart
            from={timeline.from}
            to={timeline.to}
            today={timeline.today}
            groups={groups}
            objectives={objectives}
            phases={timeline.phases}
            milestones={timeline.milestones}
            idSuffix="-group"
          />
          <ObjectivesTable
            objectives={objectives}
            groups={groups}
            caption={t("groups.objectivesCaption", { name: group.name })}
          />
        </CachedFragment>
        <Link to={`/crono-programma?gruppo=${group.slug}`}>{t("groups.inTimeline")}</Link>
      </section>
      <section aria-labelledby="ideas-title" className="mt-4">
        <div className="pionieri-title-row">
          <h2 id="ideas-title" className="h4">
            {t("groups.ideas")}
          </h2>
          {canPropose ? (
            <Link to={`/idee/nuova?gruppo=${group.slug}`} className="btn btn-outline-primary btn-sm">
              {t("groups.proposeHere")}
            </Link>
          ) : null}
        </div>
        {ideas.length === 0 ? (
          <p>{t("groups.noIdeas")}</p>
        ) : (
          <ol className="pionieri-idea-list">
            {ideas.map((idea) => (
              <li key={idea.id}>
                <IdeaCard idea={idea} headingLevel={3} />
              </li>
            ))}
          </ol>
        )}
        {moreIdeas ? <Link to={`/idee?gruppo=${group.slug}`}>{t("groups.allIdeas", { name: group.name })}</Link> : null}
      </section>
      <section aria-labelledby="members-title" className="mt-4">
        <h2 id="members-title" className="h4">
          {t("groups.memberList")} <span className="pionieri-count">({memberCountLabel(t, group.memberCount)})</span>
        </h2>
        <DataTable
          caption={t("groups.memberList")}
          captionHidden
          rows={group.members}
          rowKey={(member) => member.id}
          columns={[
            { label: t("groups.colName"), rowHeader: true, cell: (member) => member.displayName },
            { label: t("groups.colOffice"), cell: (member) => member.office },
            { label: t("groups.colRole"), cell: (member) => (member.isLeader ? t("role.leader") : t("groups.member")) },
            { label: t("groups.colSince"), cell: (member) => formatDate(member.joinedAt, locale) },
          ]}
        />
        {group.memberCount > group.members.length ? (
          <p>
            <Link to={`/gruppi/${group.slug}?membri=tutti#members-title`}>
              {t("groups.allMembers", { count: group.memberCount })}
            </Link>
          </p>
        ) : null}
      </section>
    </>
  );
}

import { Form, Link } from "@remix-run/react";
import { can } from "~/domain/policy-shared";
import type { Actor } from "~/lib/actor";
import { useLocale, useT } from "~/lib/i18n/react";
import { CachedFragment } from "./cached-fragment";

type GroupSummary = {
  id: string;
  slug: string;
  name: string;
  description: string;
  colour: string;
  memberCount: number;
  leaders: { id: string; displayName: string }[];
};

/** The reader's way in or out of a group: the only part of a group's card that depends on who reads. */
type Membership = { member: boolean; mayJoin: boolean };

function membershipOf(group: { id: string }, actor: Actor | undefined): Membership {
  const member = actor?.memberOf.includes(group.id) ?? false;
  return { member, mayJoin: !member && can(actor, "group.join", group) };
}

/** Join or leave: a plain form posted to the group's page, which comes back to `returnTo`. */
export function MembershipButton({
  group,
  actor,
  returnTo,
}: {
  group: { id: string; slug: string; name: string };
  actor: Actor | undefined;
  returnTo: string;
}) {
  return <MembershipForm group={group} membership={membershipOf(group, actor)} returnTo={returnTo} />;
}

function MembershipForm({
  group,
  membership: { member, mayJoin },
  returnTo,
}: {
  group: { id: string; slug: string; name: string };
  membership: Membership;
  returnTo: string;
}) {
  const t = useT();
  if (!member && !mayJoin) return null;
  return (
    <Form method="post" action={`/gruppi/${group.slug}`} preventScrollReset>
      <input type="hidden" name="intent" value={member ? "leave" : "join"} />
      <input type="hidden" name="returnTo" value={returnTo} />
      <button
        type="submit"
        className={member ? "btn btn-outline-primary btn-sm" : "btn btn-primary btn-sm"}
        aria-label={t(member ? "groups.leaveNamed" : "groups.joinNamed", { name: group.name })}
      >
        {t(member ? "groups.leave" : "groups.join")}
      </button>
    </Form>
  );
}

export function memberCountLabel(t: ReturnType<typeof useT>, count: number) {
  if (count === 0) return t("groups.membersNone");
  if (count === 1) return t("groups.membersOne");
  return t("groups.members", { count });
}

type CardProps = { group: GroupSummary; actor: Actor | undefined; returnTo: string; headingLevel?: 2 | 3 };
type DrawingProps = { group: GroupSummary; membership: Membership; returnTo: string; headingLevel: 2 | 3 };

/**
 * A group with its leaders, its count and the reader's way in or out: drawn from the group's
 * fields and whether the reader is a member or may join, so kept until those change (decision 0048).
 */
export function GroupCard({ group, actor, returnTo, headingLevel = 3 }: CardProps) {
  const locale = useLocale();
  const membership = membershipOf(group, actor);
  return (
    <CachedFragment
      name={`group-card|${group.id}|${headingLevel}|${membership.member}|${membership.mayJoin}|${returnTo}|${locale}`}
      version={JSON.stringify(group)}
    >
      <GroupCardDrawing group={group} membership={membership} returnTo={returnTo} headingLevel={headingLevel} />
    </CachedFragment>
  );
}

function GroupCardDrawing({ group, membership, returnTo, headingLevel }: DrawingProps) {
  const t = useT();
  const Heading = `h${headingLevel}` as const;
  return (
    <article className="pionieri-group-card" style={{ borderTopColor: group.colour }}>
      <Heading className="h5 pionieri-group-title">
        <Link to={`/gruppi/${group.slug}`}>{group.name}</Link>
      </Heading>
      <p className="pionieri-group-description">{group.description}</p>
      <p className="pionieri-group-meta">
        <span>{memberCountLabel(t, group.memberCount)}</span>
        <span>
          {t("groups.leaders")}:{" "}
          {group.leaders.length > 0
            ? group.leaders.map((leader) => leader.displayName).join(", ")
            : t("groups.noLeaders")}
        </span>
      </p>
      <div className="pionieri-group-actions">
        {membership.member ? <span className="badge bg-success">{t("groups.youAreMember")}</span> : null}
        <MembershipForm group={group} membership={membership} returnTo={returnTo} />
      </div>
    </article>
  );
}

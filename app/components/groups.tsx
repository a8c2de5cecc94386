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
  const t = useT();
  const member = actor?.memberOf.includes(group.id) ?? false;
  if (!member && !can(actor, "group.join", group)) return null;
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

/**
 * A group with its leaders, its count and the reader's way in or out: drawn from the group's
 * fields and whether the reader is a member or may join, so kept until those change (decision 0048).
 */
export function GroupCard(props: CardProps) {
  const locale = useLocale();
  const { group, actor, returnTo, headingLevel = 3 } = props;
  const member = actor?.memberOf.includes(group.id) ?? false;
  const mayJoin = !member && can(actor, "group.join", group);
  return (
    <CachedFragment
      name={`group-card|${group.id}|${headingLevel}|${member}|${mayJoin}|${returnTo}|${locale}`}
      version={JSON.stringify(group)}
    >
      <GroupCardDrawing {...props} />
    </CachedFragment>
  );
}

function GroupCardDrawing({ group, actor, returnTo, headingLevel = 3 }: CardProps) {
  const t = useT();
  const Heading = `h${headingLevel}` as const;
  const member = actor?.memberOf.includes(group.id) ?? false;
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
        {member ? <span className="badge bg-success">{t("groups.youAreMember")}</span> : null}
        <MembershipButton group={group} actor={actor} returnTo={returnTo} />
      </div>
    </article>
  );
}

import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Breadcrumb } from "~/components/breadcrumb";
import { MeetingForm } from "~/components/meeting-form";
import { findGroup } from "~/domain/groups.server";
import { agendaChoices, scheduleMeeting } from "~/domain/meetings.server";
import { assertCan } from "~/domain/policy.server";
import { readMeetingForm } from "~/forms/meeting.server";
import { requireUser } from "~/lib/auth.server";
import { addDays, today } from "~/lib/days";
import { redirectWithFlash } from "~/lib/flash.server";
import { notFoundUnless } from "~/lib/http.server";
import type { PageHandle } from "~/lib/i18n";
import { formsMessages } from "~/lib/i18n/messages/forms";
import { groupMeetingsMessages } from "~/lib/i18n/messages/groupMeetings";
import { useT } from "~/lib/i18n/react";
import { pageTitle } from "~/lib/meta";

export const handle: PageHandle = { messages: [groupMeetingsMessages, formsMessages], hydrate: false };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "gmeetings.new");

/** The group comes from the address (/riunioni/nuova?gruppo=logistica): a meeting is always a group's. */
async function groupOf(request: Request) {
  return notFoundUnless(await findGroup({ slug: new URL(request.url).searchParams.get("gruppo") ?? "" }));
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(context, request);
  const group = await groupOf(request);
  assertCan(user.actor, "meeting.manage", group);
  const day = today();
  return json({
    group: { name: group.name, slug: group.slug },
    choices: await agendaChoices(group.id),
    today: day,
    defaults: { day: addDays(day, 7), start: "10:00", end: "11:30" },
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = requireUser(context, request);
  const group = await groupOf(request);
  assertCan(user.actor, "meeting.manage", group);
  const read = readMeetingForm(await request.formData());
  if (!read.ok) return json({ fieldErrors: read.fieldErrors, values: read.values }, { status: 400 });
  const done = await scheduleMeeting(user.actor, group, read.data);
  if (!done.ok) return json({ fieldErrors: done.fieldErrors, values: read.values }, { status: done.status });
  return redirectWithFlash(`/riunioni/${done.id}`, "gmeetings.created");
}

export default function NewMeeting() {
  const t = useT();
  const { group, choices, today: day, defaults } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  return (
    <>
      <Breadcrumb
        parents={[
          { to: "/gruppi", label: t("nav.groups") },
          { to: `/gruppi/${group.slug}`, label: group.name },
        ]}
        current={t("gmeetings.new")}
      />
      <h1>{t("gmeetings.newFor", { group: group.name })}</h1>
      <p>{t("gmeetings.newIntro")}</p>
      <MeetingForm
        values={failed?.values ?? { fields: defaults, items: [] }}
        errors={failed?.fieldErrors}
        choices={choices}
        minDay={day}
        submitLabel={t("gmeetings.schedule")}
      />
    </>
  );
}

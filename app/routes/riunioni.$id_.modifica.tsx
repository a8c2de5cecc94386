import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Breadcrumb } from "~/components/breadcrumb";
import { MeetingForm } from "~/components/meeting-form";
import { agendaRefValue } from "~/domain/meetings";
import { agendaChoices, meetingForEdit, updateMeeting } from "~/domain/meetings.server";
import { readMeetingForm } from "~/forms/meeting.server";
import { requireUser } from "~/lib/auth.server";
import { keyParam } from "~/lib/http.server";
import { romeDay } from "~/lib/dates";
import { romeClock } from "~/lib/clock";
import { today } from "~/lib/days";
import { redirectWithFlash } from "~/lib/flash.server";
import type { PageHandle } from "~/lib/i18n";
import { formsMessages } from "~/lib/i18n/messages/forms";
import { groupMeetingsMessages } from "~/lib/i18n/messages/groupMeetings";
import { useT } from "~/lib/i18n/react";
import { pageTitle } from "~/lib/meta";

export const handle: PageHandle = { messages: [groupMeetingsMessages, formsMessages], hydrate: false };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "gmeetings.edit");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = requireUser(context, request);
  const meeting = await meetingForEdit(user.actor, keyParam(params.id));
  return json({
    meeting: { id: meeting.id, title: meeting.title, group: meeting.group },
    values: {
      fields: {
        title: meeting.title,
        day: romeDay(meeting.startsAt),
        start: romeClock(meeting.startsAt),
        end: romeClock(meeting.endsAt),
        place: meeting.place,
        videoUrl: meeting.videoUrl,
      },
      items: meeting.items.map((item) => ({ title: item.title, ref: agendaRefValue(item) })),
    },
    choices: await agendaChoices(meeting.groupId),
    today: today(),
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = requireUser(context, request);
  const id = keyParam(params.id);
  await meetingForEdit(user.actor, id);
  const read = readMeetingForm(await request.formData());
  if (!read.ok) return json({ fieldErrors: read.fieldErrors, values: read.values }, { status: 400 });
  const done = await updateMeeting(user.actor, id, read.data);
  if (!done.ok) return json({ fieldErrors: done.fieldErrors, values: read.values }, { status: done.status });
  return redirectWithFlash(`/riunioni/${id}`, "gmeetings.updated");
}

export default function EditMeeting() {
  const t = useT();
  const { meeting, values, choices, today: day } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  return (
    <>
      <Breadcrumb
        parents={[
          { to: "/gruppi", label: t("nav.groups") },
          { to: `/gruppi/${meeting.group.slug}`, label: meeting.group.name },
          { to: `/riunioni/${meeting.id}`, label: meeting.title },
        ]}
        current={t("gmeetings.edit")}
      />
      <h1>{t("gmeetings.edit")}</h1>
      <p>{t("gmeetings.editIntro")}</p>
      <MeetingForm
        values={failed?.values ?? values}
        errors={failed?.fieldErrors}
        choices={choices}
        minDay={day}
        submitLabel={t("gmeetings.saveChanges")}
      />
    </>
  );
}

import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { CampaignFields } from "~/components/campaign-fields";
import { Choices } from "~/components/choices";
import { DataTable } from "~/components/data-table";
import { FormErrors, SelectField, TextField } from "~/components/form";
import { createCampaign, listCampaigns, listPlaces } from "~/domain/campaigns.server";
import { groupOptions } from "~/domain/groups.server";
import { OBSERVE_LIMITS } from "~/domain/observation";
import { can } from "~/domain/policy.server";
import { createSurvey, listSurveys } from "~/domain/surveys.server";
import { campaignSchema, idList, surveySchema } from "~/forms/observation.server";
import { requireUser } from "~/lib/auth.server";
import { formatDay } from "~/lib/dates";
import { today } from "~/lib/days";
import { failureOf, field, typedValues } from "~/lib/forms";
import { invalid, parseForm } from "~/lib/forms.server";
import { httpError } from "~/lib/http.server";
import type { MessageKey, PageHandle } from "~/lib/i18n";
import { formsMessages } from "~/lib/i18n/messages/forms";
import { observeMessages } from "~/lib/i18n/messages/observe";
import { visitMessages } from "~/lib/i18n/messages/visit";
import { useLocale, useT } from "~/lib/i18n/react";
import { pageTitle } from "~/lib/meta";

export const handle: PageHandle = { messages: [observeMessages, formsMessages, visitMessages], hydrate: false };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "obs.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(context, request);
  const actor = user.actor;
  const [campaigns, surveys, { places, services }, groups] = await Promise.all([
    listCampaigns(actor),
    listSurveys(),
    listPlaces(),
    groupOptions(),
  ]);
  // The groups one may open a campaign for: the Cabina any (or none), a leader their own.
  const openFor = groups.filter((group) => can(actor, "campaign.create", { groupId: group.id }));
  return json({
    campaigns,
    surveys,
    places,
    services,
    openFor: openFor.map((group) => ({ id: group.id, name: group.name })),
    can: {
      campaignWithoutGroup: can(actor, "campaign.create", { groupId: null }),
      survey: can(actor, "survey.manage"),
      places: can(actor, "place.manage"),
    },
    today: today(),
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = requireUser(context, request);
  const form = await request.formData();
  const intent = field(form, "intent");
  if (intent === "campaign") {
    const parsed = parseForm(campaignSchema, form);
    const placeIds = idList(form, "placeIds");
    const serviceIds = idList(form, "serviceIds");
    if (!placeIds || !serviceIds) httpError(400, "obs.unknownPlace");
    if (!parsed.ok) return invalid(parsed.fieldErrors, typedValues(form), { form: "campaign" });
    const result = await createCampaign(user.actor, {
      ...parsed.data,
      groupId: parsed.data.groupId || null,
      placeIds,
      serviceIds,
    });
    if (!result.ok) return invalid({ [result.field]: { key: result.key } }, typedValues(form), { form: "campaign" });
    return redirect(`/rilevazioni/${result.id}`);
  }
  if (intent === "survey") {
    const parsed = parseForm(surveySchema, form);
    const placeIds = idList(form, "placeIds");
    if (!placeIds) httpError(400, "obs.unknownPlace");
    if (!parsed.ok) return invalid(parsed.fieldErrors, typedValues(form), { form: "survey" });
    const result = await createSurvey(user.actor, { title: parsed.data.title, placeIds });
    if (!result.ok) return invalid({ [result.field]: { key: result.key } }, typedValues(form), { form: "survey" });
    return redirect(`/questionari/${result.id}`);
  }
  httpError(400, "v.unknownIntent");
}

export default function Observations() {
  const t = useT();
  const locale = useLocale();
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const campaignFailure = failureOf(actionData, "campaign");
  const surveyFailure = failureOf(actionData, "survey");
  const mayOpen = data.can.campaignWithoutGroup || data.openFor.length > 0;
  return (
    <>
      <h1>{t("obs.title")}</h1>
      <p className="lead">{t("obs.intro")}</p>
      <p>
        <Link to="/rilevazioni/confronto">{t("obs.compareLink")}</Link>
        {data.can.places ? (
          <>
            {" · "}
            <Link to="/rilevazioni/luoghi">{t("obs.placesLink")}</Link>
          </>
        ) : null}
      </p>

      <section aria-labelledby="campaigns" className="mb-5">
        <h2 id="campaigns">{t("obs.campaigns")}</h2>
        {data.campaigns.length === 0 ? (
          <p>{t("obs.noCampaigns")}</p>
        ) : (
          <DataTable
            caption={t("obs.campaigns")}
            captionHidden
            rows={data.campaigns}
            rowKey={(campaign) => campaign.id}
            columns={[
              {
                label: t("obs.campaign"),
                rowHeader: true,
                cell: (campaign) => <Link to={`/rilevazioni/${campaign.id}`}>{campaign.title}</Link>,
              },
              {
                label: t("obs.period"),
                cell: (campaign) =>
                  t("obs.fromTo", {
                    from: formatDay(campaign.startsOn, locale),
                    to: formatDay(campaign.endsOn, locale),
                  }),
              },
              { label: t("obs.openedBy"), cell: (campaign) => campaign.group?.name ?? t("obs.board") },
              { label: t("obs.visits"), numeric: true, cell: (campaign) => campaign.visits },
              { label: t("obs.observers"), numeric: true, cell: (campaign) => campaign.observers },
              {
                label: t("obs.state"),
                cell: (campaign) =>
                  campaign.endsOn < data.today
                    ? t("obs.ended")
                    : campaign.startsOn > data.today
                      ? t("obs.planned")
                      : t("obs.running"),
              },
            ]}
          />
        )}
        {mayOpen ? (
          <details className="pionieri-panel mt-3" open={Boolean(campaignFailure)}>
            <summary className="btn btn-primary">{t("obs.newCampaign")}</summary>
            <FormErrors errors={campaignFailure?.fieldErrors} />
            <Form method="post" className="mt-3">
              <input type="hidden" name="intent" value="campaign" />
              <CampaignFields
                values={campaignFailure?.values}
                current={{ title: "", purpose: "", startsOn: data.today, endsOn: "", placeIds: [], serviceIds: [] }}
                errors={campaignFailure?.fieldErrors}
                places={data.places}
                services={data.services}
              >
                <SelectField
                  name="groupId"
                  label={t("obs.group")}
                  errors={campaignFailure?.fieldErrors}
                  defaultValue={campaignFailure?.values.groupId}
                  options={[
                    ...(data.can.campaignWithoutGroup ? [{ value: "", label: t("obs.board") }] : []),
                    ...data.openFor.map((group) => ({ value: group.id, label: group.name })),
                  ]}
                />
              </CampaignFields>
              <button type="submit" className="btn btn-primary">
                {t("obs.createCampaign")}
              </button>
            </Form>
          </details>
        ) : null}
      </section>

      <section aria-labelledby="surveys">
        <h2 id="surveys">{t("survey.list")}</h2>
        {data.surveys.length === 0 ? (
          <p>{t("survey.none")}</p>
        ) : (
          <DataTable
            caption={t("survey.list")}
            captionHidden
            rows={data.surveys}
            rowKey={(survey) => survey.id}
            columns={[
              {
                label: t("survey.survey"),
                rowHeader: true,
                cell: (survey) => <Link to={`/questionari/${survey.id}`}>{survey.title}</Link>,
              },
              { label: t("obs.state"), cell: (survey) => t(`survey.status.${survey.status}` as MessageKey) },
              { label: t("obs.places"), numeric: true, cell: (survey) => survey.places },
              { label: t("survey.responses"), numeric: true, cell: (survey) => survey.responses },
            ]}
          />
        )}
        {data.can.survey ? (
          <details className="pionieri-panel mt-3" open={Boolean(surveyFailure)}>
            <summary className="btn btn-primary">{t("survey.new")}</summary>
            <FormErrors errors={surveyFailure?.fieldErrors} />
            <Form method="post" className="mt-3">
              <input type="hidden" name="intent" value="survey" />
              <p>{t("survey.newHint")}</p>
              <TextField
                name="title"
                id="f-survey-title"
                label={t("survey.title")}
                required
                maxLength={OBSERVE_LIMITS.title}
                errors={surveyFailure?.fieldErrors}
                defaultValue={surveyFailure?.values.title}
              />
              <Choices
                name="placeIds"
                idPrefix="s"
                legend={t("obs.places")}
                options={data.places}
                errors={surveyFailure?.fieldErrors}
              />
              <button type="submit" className="btn btn-primary">
                {t("survey.create")}
              </button>
            </Form>
          </details>
        ) : null}
      </section>
    </>
  );
}

import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { CitizenError, CitizenSurvey } from "~/components/survey-form";
import { surveyAction, surveyLoader } from "~/forms/public-survey.server";
import type { PageHandle } from "~/lib/i18n";
import { citizenMessages } from "~/lib/i18n/messages/citizen";
import { formsMessages } from "~/lib/i18n/messages/forms";
import { citizenHeaders, pageTitle } from "~/lib/meta";

/** The survey page a citizen reaches from the QR code on a counter's poster: no account, no tracking. */
export const handle: PageHandle = { messages: [citizenMessages, formsMessages], chrome: "public" };

export const headers = citizenHeaders;

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "citizen.pageTitle");

export function loader({ request, params }: LoaderFunctionArgs) {
  return surveyLoader("QR", params.token, request);
}

export function action({ request, params, context }: ActionFunctionArgs) {
  return surveyAction("QR", params.token, request, context);
}

export default function CitizenSurveyPage() {
  return <CitizenSurvey />;
}

/** Refusals stay on the citizen's page, in its language, with no way into the intranet. */
export const ErrorBoundary = CitizenError;

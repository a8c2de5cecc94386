import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { CitizenError, CitizenSurvey } from "~/components/survey-form";
import { surveyAction, surveyLoader } from "~/forms/public-survey.server";
import type { PageHandle } from "~/lib/i18n";
import { citizenMessages } from "~/lib/i18n/messages/citizen";
import { formsMessages } from "~/lib/i18n/messages/forms";
import { citizenHeaders, pageTitle } from "~/lib/meta";

/**
 * The kiosk: a tablet at the counter shows this page all day. No header, menu or footer to leave
 * by; large targets; after each answer it thanks and empties itself for the next person.
 */
export const handle: PageHandle = { messages: [citizenMessages, formsMessages], chrome: "kiosk" };

export const headers = citizenHeaders;

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "citizen.pageTitle");

export function loader({ request, params }: LoaderFunctionArgs) {
  return surveyLoader("CHIOSCO", params.token, request);
}

export function action({ request, params, context }: ActionFunctionArgs) {
  return surveyAction("CHIOSCO", params.token, request, context);
}

export default function KioskPage() {
  return <CitizenSurvey kiosk />;
}

/** Refusals stay on the citizen's page, in its language, with no way into the intranet. */
export const ErrorBoundary = CitizenError;

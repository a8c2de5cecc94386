import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getSurvey } from "~/domain/surveys.server";
import { requireUser } from "~/lib/auth.server";
import { env } from "~/lib/env.server";
import { httpError } from "~/lib/http.server";
import type { PageHandle } from "~/lib/i18n";
import { observeMessages } from "~/lib/i18n/messages/observe";
import { visitMessages } from "~/lib/i18n/messages/visit";
import { useT } from "~/lib/i18n/react";
import { pageTitle } from "~/lib/meta";
import { qrSvg } from "~/lib/qr.server";

export const handle: PageHandle = { messages: [observeMessages, visitMessages], hydrate: false };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "poster.title");

/** The counter's poster: an A4 page with the QR code of this place's survey page, drawn here. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  requireUser(context, request);
  const survey = await getSurvey(params.id ?? "");
  const target = survey.places.find((p) => p.place.id === params.placeId);
  if (!target) httpError(404);
  // The address citizens can reach: APP_ORIGIN when set (the public name), else this server's.
  const origin = env.mail.origin ?? new URL(request.url).origin;
  const address = `${origin}/q/${target.token}`;
  return json({
    survey: { id: survey.id, title: survey.title },
    place: target.place.name,
    address,
    svg: qrSvg(address, target.place.name),
  });
}

export default function Poster() {
  const t = useT();
  const { survey, place, address, svg } = useLoaderData<typeof loader>();
  return (
    <div className="pionieri-poster">
      <p className="no-print">
        <Link to={`/questionari/${survey.id}`}>{t("poster.back")}</Link>
      </p>
      <p className="no-print alert alert-info">{t("poster.printHint")}</p>
      <h1>{t("poster.heading")}</h1>
      <p className="pionieri-poster-en" lang="en">
        {t("poster.headingEn")}
      </p>
      <p className="lead">{t("poster.place", { place })}</p>
      {/* Our own drawing (lib/qr.server.ts): no user text in it but the escaped place name. */}
      <div className="pionieri-qr" dangerouslySetInnerHTML={{ __html: svg }} />
      <p className="pionieri-poster-address">{address}</p>
      <p>{t("poster.anonymous")}</p>
      <p lang="en">{t("poster.anonymousEn")}</p>
    </div>
  );
}

import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import type { UnsubscribeKind } from "~/domain/unsubscribe.server";
import { applyUnsubscribe, verifyUnsubscribe } from "~/domain/unsubscribe.server";
import type { MessageKey, PageHandle, Translate } from "~/lib/i18n";
import { accountMessages } from "~/lib/i18n/messages/account";
import { useT } from "~/lib/i18n/react";
import { pageTitle } from "~/lib/meta";

export const handle: PageHandle = { messages: [accountMessages] };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "unsubscribe.title");

/**
 * One-click unsubscribe from an e-mail, without logging in (RFC 8058). Opening the link asks to
 * confirm (a mail scanner that follows links changes nothing); the confirmation, or the mail
 * client's own POST (`List-Unsubscribe=One-Click`), stops that kind of mail. The server lets this
 * POST through without our Origin (app/server.ts): the signed link is the authority.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const target = await verifyUnsubscribe(new URL(request.url).searchParams);
  if (!target) return json({ valid: false as const }, { status: 400 });
  return json({ valid: true as const, kind: target.kind });
}

export async function action({ request }: ActionFunctionArgs) {
  const target = await verifyUnsubscribe(new URL(request.url).searchParams);
  if (!target) return json({ valid: false as const }, { status: 400 });
  const changed = await applyUnsubscribe(target);
  return json({ valid: true as const, kind: target.kind, changed });
}

function what(t: Translate, kind: UnsubscribeKind) {
  return kind === "DIGEST" ? t("unsubscribe.digest") : t(`profile.mailKind.${kind}` as MessageKey);
}

export default function Unsubscribe() {
  const t = useT();
  const loaded = useLoaderData<typeof loader>();
  const done = useActionData<typeof action>();
  const { search } = useLocation();
  return (
    <div className="row justify-content-center">
      <div className="col-12 col-md-8 col-lg-6">
        <h1>{t("unsubscribe.title")}</h1>
        {!loaded.valid || (done && !done.valid) ? (
          <div className="alert alert-danger" role="alert">
            {t("unsubscribe.invalid")}
          </div>
        ) : done?.valid ? (
          <div className="alert alert-success" role="status">
            {t(done.changed ? "unsubscribe.done" : "unsubscribe.already", { what: what(t, done.kind) })}
          </div>
        ) : (
          <Form method="post" action={`/disiscrizione${search}`}>
            <p>{t("unsubscribe.question", { what: what(t, loaded.kind) })}</p>
            <button type="submit" className="btn btn-primary">
              {t("unsubscribe.confirm")}
            </button>
          </Form>
        )}
        <p className="mt-4">
          <Link to="/profilo#posta">{t("unsubscribe.preferences")}</Link>
        </p>
      </div>
    </div>
  );
}

import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ActionLabel } from "~/components/action-label";
import { DataTable } from "~/components/data-table";
import { EditFold } from "~/components/edit-fold";
import { FormErrors, SelectField, TextField } from "~/components/form";
import { addPlace, listPlacesWithUse, renamePlace, setPlaceArchived, type PlaceKind } from "~/domain/campaigns.server";
import { OBSERVE_LIMITS } from "~/domain/observation";
import { assertCan } from "~/domain/policy.server";
import { placeSchema } from "~/forms/observation.server";
import { requireUser } from "~/lib/auth.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { failureOf, field, typedValues } from "~/lib/forms";
import { invalid, parseForm } from "~/lib/forms.server";
import { httpError } from "~/lib/http.server";
import type { PageHandle } from "~/lib/i18n";
import { formsMessages } from "~/lib/i18n/messages/forms";
import { observeMessages } from "~/lib/i18n/messages/observe";
import { visitMessages } from "~/lib/i18n/messages/visit";
import { useT } from "~/lib/i18n/react";
import { pageTitle } from "~/lib/meta";

export const handle: PageHandle = { messages: [observeMessages, formsMessages, visitMessages], hydrate: false };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "places.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(context, request);
  assertCan(user.actor, "place.manage");
  return json(await listPlacesWithUse(user.actor));
}

const kindOf = (form: FormData): PlaceKind => {
  const kind = field(form, "kind");
  if (kind !== "place" && kind !== "service") httpError(400, "v.unknownIntent");
  return kind;
};

export async function action({ request, context }: ActionFunctionArgs) {
  const user = requireUser(context, request);
  assertCan(user.actor, "place.manage");
  const form = await request.formData();
  const intent = field(form, "intent");
  if (intent === "add" || intent === "rename") {
    const id = field(form, "id");
    const key = intent === "add" ? "add" : id;
    const parsed = parseForm(placeSchema, form);
    if (!parsed.ok) return invalid(parsed.fieldErrors, typedValues(form), { form: key });
    const result =
      intent === "add"
        ? await addPlace(user.actor, parsed.data.kind, parsed.data.name)
        : await renamePlace(user.actor, parsed.data.kind, id, parsed.data.name);
    if (!result.ok) return invalid({ name: { key: "places.exists" } }, typedValues(form), { form: key, status: 409 });
    return redirectWithFlash("/rilevazioni/luoghi", "places.saved", { name: parsed.data.name });
  }
  if (intent === "archive" || intent === "restore") {
    await setPlaceArchived(user.actor, kindOf(form), field(form, "id"), intent === "archive");
    return redirectWithFlash("/rilevazioni/luoghi", intent === "archive" ? "places.archived" : "places.restored");
  }
  httpError(400, "v.unknownIntent");
}

export default function Places() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const addFailure = failureOf(actionData, "add");
  return (
    <>
      <p>
        <Link to="/rilevazioni">{t("obs.back")}</Link>
      </p>
      <h1>{t("places.title")}</h1>
      <p>{t("places.intro")}</p>
      <section className="pionieri-panel mb-4" aria-labelledby="add-place">
        <h2 id="add-place" className="h5">
          {t("places.add")}
        </h2>
        <FormErrors errors={addFailure?.fieldErrors} />
        <Form method="post" className="pionieri-inline-form">
          <input type="hidden" name="intent" value="add" />
          <SelectField
            name="kind"
            label={t("places.kind")}
            defaultValue={addFailure?.values.kind}
            options={[
              { value: "place", label: t("places.kind.place") },
              { value: "service", label: t("places.kind.service") },
            ]}
          />
          <TextField
            name="name"
            label={t("places.name")}
            required
            maxLength={OBSERVE_LIMITS.placeName}
            errors={addFailure?.fieldErrors}
            defaultValue={addFailure?.values.name ?? ""}
          />
          <button type="submit" className="btn btn-primary">
            {t("places.addSubmit")}
          </button>
        </Form>
      </section>
      {(["place", "service"] as const).map((kind) => {
        const rows = kind === "place" ? data.places : data.services;
        return (
          <section key={kind} aria-labelledby={`kind-${kind}`} className="mb-4">
            <h2 id={`kind-${kind}`} className="h4">
              {t(kind === "place" ? "places.places" : "places.services")}
            </h2>
            <DataTable
              caption={t(kind === "place" ? "places.places" : "places.services")}
              captionHidden
              rows={rows}
              rowKey={(row) => row.id}
              columns={[
                {
                  label: t("places.name"),
                  rowHeader: true,
                  cell: (row) => (row.archived ? t("places.archivedName", { name: row.name }) : row.name),
                },
                { label: t("places.uses"), numeric: true, cell: (row) => row.uses },
                {
                  label: t("places.actions"),
                  cell: (row) => {
                    const failure = failureOf(actionData, row.id);
                    return (
                      <div className="pionieri-row-actions">
                        <EditFold
                          summary={<ActionLabel text={t("places.rename")} about={row.name} />}
                          fields={{ intent: "rename", id: row.id, kind }}
                          submit={t("places.renameSubmit")}
                          errors={failure?.fieldErrors}
                          formClassName="pionieri-inline-form"
                        >
                          <TextField
                            id={`name-${row.id}`}
                            name="name"
                            label={t("places.renameLabel", { name: row.name })}
                            defaultValue={failure?.values.name ?? row.name}
                            maxLength={OBSERVE_LIMITS.placeName}
                            errors={failure?.fieldErrors}
                          />
                        </EditFold>
                        <Form method="post">
                          <input type="hidden" name="intent" value={row.archived ? "restore" : "archive"} />
                          <input type="hidden" name="id" value={row.id} />
                          <input type="hidden" name="kind" value={kind} />
                          <button type="submit" className="btn btn-outline-primary btn-sm">
                            <ActionLabel
                              text={t(row.archived ? "places.restore" : "places.archive")}
                              about={row.name}
                            />
                          </button>
                        </Form>
                      </div>
                    );
                  },
                },
              ]}
            />
          </section>
        );
      })}
    </>
  );
}

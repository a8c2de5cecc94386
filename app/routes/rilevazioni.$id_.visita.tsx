import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useCallback, useEffect, useRef, useState, type FormEvent } from "react";
import { FormErrors, SelectField, TextAreaField, TextField } from "~/components/form";
import { useHydrated } from "~/components/hydrated";
import {
  campaignRef,
  deleteVisit,
  getCampaign,
  myVisits,
  newVisitId,
  recordableDays,
  recordVisit,
} from "~/domain/campaigns.server";
import { CHANNELS, OBSERVE_LIMITS, OUTCOMES } from "~/domain/observation";
import { assertCan } from "~/domain/policy.server";
import { readVisit } from "~/forms/observation.server";
import { requireUser } from "~/lib/auth.server";
import { clockTime, formatDay } from "~/lib/dates";
import { redirectWithFlash } from "~/lib/flash.server";
import { failureOf, field, typedValues, type FieldErrors } from "~/lib/forms";
import { invalid } from "~/lib/forms.server";
import type { MessageKey, PageHandle } from "~/lib/i18n";
import { formsMessages } from "~/lib/i18n/messages/forms";
import { visitMessages } from "~/lib/i18n/messages/visit";
import { tm, useLocale, useT } from "~/lib/i18n/react";
import { pageTitle } from "~/lib/meta";

export const handle: PageHandle = { messages: [visitMessages, formsMessages] };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "visit.title");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = requireUser(context, request);
  const campaign = await getCampaign(user.actor, params.id ?? "");
  assertCan(user.actor, "visit.record", { groupId: campaign.groupId, joined: campaign.joined });
  return json({
    campaign: { id: campaign.id, title: campaign.title, places: campaign.places, services: campaign.services },
    days: recordableDays(campaign),
    mine: await myVisits(user.actor, campaign.id),
    visitId: newVisitId(),
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = requireUser(context, request);
  const id = params.id ?? "";
  const form = await request.formData();
  const here = `/rilevazioni/${id}/visita`;
  if (field(form, "intent") === "delete") {
    await deleteVisit(user.actor, id, field(form, "visitId"));
    return redirectWithFlash(here, "visit.deleted", undefined, { tone: "info" });
  }
  assertCan(user.actor, "visit.record", await campaignRef(user.actor, id));
  const visit = readVisit(form);
  if (!visit.ok) return invalid(visit.fieldErrors, typedValues(form));
  const result = await recordVisit(user.actor, id, visit.data);
  if (!result.ok) return invalid({ [result.field]: { key: result.key } }, typedValues(form));
  return redirectWithFlash(here, result.repeated ? "visit.repeated" : "visit.saved");
}

type Queued = { id: string; fields: [string, string][] };
type Refused = Queued & { errors: FieldErrors };
const SEND_EVERY_MS = 15_000;

/**
 * The phone's queue: a visit is first written to localStorage, then sent; it leaves the queue
 * only when the server has it (or refused it: then it is kept apart, with the reason, to be
 * typed again). The id travels with it, so a visit sent twice is stored once.
 */
function useVisitQueue(campaignId: string) {
  const key = `pionieri:visite:${campaignId}`;
  const [queue, setQueue] = useState<Queued[]>([]);
  const [refused, setRefused] = useState<Refused[]>([]);
  const [state, setState] = useState<"idle" | "sending" | "offline" | "signedOut" | "sent">("idle");
  const sending = useRef(false);

  const read = useCallback((): { queue: Queued[]; refused: Refused[] } => {
    try {
      const stored = JSON.parse(localStorage.getItem(key) ?? "{}") as { queue?: Queued[]; refused?: Refused[] };
      return { queue: stored.queue ?? [], refused: stored.refused ?? [] };
    } catch {
      return { queue: [], refused: [] };
    }
  }, [key]);
  const write = useCallback(
    (next: { queue: Queued[]; refused: Refused[] }) => {
      localStorage.setItem(key, JSON.stringify(next));
      setQueue(next.queue);
      setRefused(next.refused);
    },
    [key],
  );

  const flush = useCallback(async () => {
    // What this device kept from before (a visit typed offline, then the page closed).
    const kept = read();
    setQueue(kept.queue);
    setRefused(kept.refused);
    if (sending.current) return;
    sending.current = true;
    try {
      for (;;) {
        const stored = read();
        const next = stored.queue[0];
        if (!next) break;
        setState("sending");
        let response: Response;
        try {
          response = await fetch(`/rilevazioni/${campaignId}/coda`, {
            method: "POST",
            body: new URLSearchParams(next.fields),
            headers: { Accept: "application/json" },
            redirect: "manual",
            credentials: "same-origin",
          });
        } catch {
          setState("offline");
          return;
        }
        if (response.type === "opaqueredirect" || response.status === 302 || response.status === 401) {
          setState("signedOut");
          return;
        }
        if (response.status === 400) {
          const body = (await response.json().catch(() => ({}))) as { fieldErrors?: FieldErrors };
          const now = read();
          write({
            queue: now.queue.filter((item) => item.id !== next.id),
            refused: [...now.refused, { ...next, errors: body.fieldErrors ?? {} }],
          });
          continue;
        }
        if (!response.ok) {
          setState("offline");
          return;
        }
        const now = read();
        write({ queue: now.queue.filter((item) => item.id !== next.id), refused: now.refused });
      }
      setState("sent");
    } finally {
      sending.current = false;
    }
  }, [campaignId, read, write]);

  useEffect(() => {
    const first = window.setTimeout(() => void flush(), 0);
    const retry = () => void flush();
    window.addEventListener("online", retry);
    const timer = window.setInterval(retry, SEND_EVERY_MS);
    return () => {
      window.removeEventListener("online", retry);
      window.clearInterval(timer);
      window.clearTimeout(first);
    };
  }, [flush, read]);

  const add = (item: Queued) => {
    const stored = read();
    if (!stored.queue.some((queued) => queued.id === item.id)) write({ ...stored, queue: [...stored.queue, item] });
    void flush();
  };
  const dismiss = (id: string) => {
    const stored = read();
    write({ ...stored, refused: stored.refused.filter((item) => item.id !== id) });
  };
  return { queue, refused, state, add, dismiss };
}

/** A visit id made in the browser (getRandomValues works on plain http too, unlike randomUUID). */
function browserId() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
}

function clockNow() {
  const now = new Date();
  return [now.getHours(), now.getMinutes(), now.getSeconds()].map((n) => String(n).padStart(2, "0")).join(":");
}

export default function RecordVisit() {
  const t = useT();
  const locale = useLocale();
  const { campaign, days, mine, visitId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const failure = failureOf(actionData);
  const errors = failure?.fieldErrors;
  const values = failure?.values ?? {};
  const hydrated = useHydrated();
  const { queue, refused, state, add, dismiss } = useVisitQueue(campaign.id);
  const formRef = useRef<HTMLFormElement>(null);
  const [id, setId] = useState(values.visitId ?? visitId);
  const [formKey, setFormKey] = useState(0);
  const [times, setTimes] = useState({
    arrival: values.arrival ?? "",
    start: values.start ?? "",
    end: values.end ?? "",
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    if (!hydrated) return;
    event.preventDefault();
    const form = event.currentTarget;
    if (!form.reportValidity()) return;
    const fields = [...new FormData(form).entries()].filter(
      (entry): entry is [string, string] => typeof entry[1] === "string",
    );
    add({ id, fields });
    setId(browserId());
    setTimes({ arrival: "", start: "", end: "" });
    setFormKey((key) => key + 1);
    formRef.current?.querySelector<HTMLInputElement>("#f-arrival")?.focus();
  };

  const stamp = (name: "arrival" | "start" | "end") => setTimes((current) => ({ ...current, [name]: clockNow() }));
  const placeOptions = campaign.places.map((place) => ({ value: place.id, label: place.name }));

  return (
    <>
      <p>
        <Link to={`/rilevazioni/${campaign.id}`}>{t("visit.backTo", { title: campaign.title })}</Link>
      </p>
      <h1>{t("visit.title")}</h1>
      {!days.open ? <p className="alert alert-warning">{t("visit.notYet")}</p> : null}
      <div role="status" aria-live="polite" className="pionieri-queue">
        {queue.length > 0 ? (
          <p className="alert alert-warning">
            {t(
              state === "signedOut"
                ? queue.length === 1
                  ? "visit.signedOutOne"
                  : "visit.signedOut"
                : queue.length === 1
                  ? "visit.queuedOne"
                  : "visit.queued",
              { count: queue.length },
            )}
          </p>
        ) : state === "sent" ? (
          <p className="alert alert-success">{t("visit.allSent")}</p>
        ) : null}
      </div>
      {refused.length > 0 ? (
        <section className="alert alert-danger" aria-labelledby="refused">
          <h2 id="refused" className="h5">
            {t("visit.refusedTitle")}
          </h2>
          <ul>
            {refused.map((item) => (
              <li key={item.id}>
                {t("visit.refusedItem", {
                  arrival: item.fields.find(([name]) => name === "arrival")?.[1] ?? "",
                  reason: Object.values(item.errors)
                    .map((error) => tm(t, error))
                    .join(" "),
                })}{" "}
                <button type="button" className="btn btn-link btn-sm" onClick={() => dismiss(item.id)}>
                  {t("visit.dismiss")}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <FormErrors errors={errors} />
      {errors?.visitId ? <p className="alert alert-danger">{tm(t, errors.visitId)}</p> : null}
      <Form method="post" ref={formRef} onSubmit={onSubmit} key={formKey} className="pionieri-visit-form">
        <input type="hidden" name="visitId" value={id} />
        <TextField
          name="day"
          type="date"
          label={t("visit.day")}
          required
          min={days.first}
          max={days.last}
          errors={errors}
          defaultValue={values.day ?? days.last}
        />
        <fieldset className="mb-3">
          <legend className="h5">{t("visit.times")}</legend>
          <p className="form-text">{hydrated ? t("visit.timesHintJs") : t("visit.timesHint")}</p>
          {(["arrival", "start", "end"] as const).map((name) => (
            <div key={name} className="pionieri-clock">
              <TextField
                name={name}
                type="time"
                step={1}
                label={t(`visit.${name}` as MessageKey)}
                required={name === "arrival"}
                errors={errors}
                value={times[name]}
                onChange={(event) => {
                  const value = event.currentTarget.value;
                  setTimes((current) => ({ ...current, [name]: value }));
                }}
              />
              {hydrated ? (
                <button type="button" className="btn btn-outline-primary pionieri-tap" onClick={() => stamp(name)}>
                  {t(`visit.tap.${name}` as MessageKey)}
                </button>
              ) : null}
            </div>
          ))}
        </fieldset>
        <fieldset className="mb-3">
          <legend className="h5">{t("visit.path")}</legend>
          <p className="form-text">{t("visit.pathHint")}</p>
          {[...Array(OBSERVE_LIMITS.stops).keys()].map((index) => (
            <SelectField
              key={index}
              name={`stop${index}`}
              label={t(index === 0 ? "visit.firstPlace" : "visit.nextPlace", { n: index + 1 })}
              required={index === 0}
              errors={errors}
              defaultValue={values[`stop${index}`]}
              options={[{ value: "", label: index === 0 ? t("visit.choose") : t("visit.none") }, ...placeOptions]}
            />
          ))}
        </fieldset>
        <SelectField
          name="serviceId"
          label={t("visit.service")}
          errors={errors}
          defaultValue={values.serviceId}
          options={[
            { value: "", label: t("visit.serviceUnknown") },
            ...campaign.services.map((service) => ({ value: service.id, label: service.name })),
          ]}
        />
        <SelectField
          name="outcome"
          label={t("visit.outcome")}
          required
          errors={errors}
          defaultValue={values.outcome}
          options={[
            { value: "", label: t("visit.choose") },
            ...OUTCOMES.map((outcome) => ({ value: outcome, label: t(`obs.outcome.${outcome}` as MessageKey) })),
          ]}
        />
        <SelectField
          name="channel"
          label={t("visit.channel")}
          required
          errors={errors}
          defaultValue={values.channel}
          options={[
            { value: "", label: t("visit.choose") },
            ...CHANNELS.map((channel) => ({ value: channel, label: t(`obs.channel.${channel}` as MessageKey) })),
          ]}
        />
        <TextAreaField
          id="f-note"
          name="note"
          label={t("visit.note")}
          hint={t("visit.noteHint")}
          maxLength={OBSERVE_LIMITS.note}
          rows={2}
          errors={errors}
          defaultValue={values.note}
        />
        <button type="submit" className="btn btn-primary btn-lg pionieri-wide-button" disabled={!days.open}>
          {t("visit.submit")}
        </button>
      </Form>

      <section aria-labelledby="mine" className="mt-5">
        <h2 id="mine" className="h4">
          {t("visit.mine")}
        </h2>
        {mine.length === 0 ? (
          <p>{t("visit.mineNone")}</p>
        ) : (
          <ul className="pionieri-visit-list">
            {mine.map((visit) => {
              const label = t("visit.mineItem", {
                day: formatDay(visit.day, locale),
                time: clockTime(visit.arrivalMinute),
                path: visit.stops.map((stop) => stop.place.name).join(" → "),
                outcome: t(`obs.outcome.${visit.outcome}` as MessageKey),
              });
              return (
                <li key={visit.id}>
                  <span>{label}</span>
                  <Form method="post" className="d-inline">
                    <input type="hidden" name="intent" value="delete" />
                    <input type="hidden" name="visitId" value={visit.id} />
                    <button type="submit" className="btn btn-link btn-sm">
                      {t("visit.delete")}
                      <span className="visually-hidden"> {label}</span>
                    </button>
                  </Form>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </>
  );
}

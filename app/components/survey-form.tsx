import {
  Form,
  isRouteErrorResponse,
  Link,
  useActionData,
  useLoaderData,
  useNavigate,
  useNavigation,
  useRouteError,
  useSearchParams,
} from "@remix-run/react";
import { useEffect, useRef } from "react";
import type { FieldErrors } from "~/lib/forms";
import type { MessageKey, MessageParams } from "~/lib/i18n";
import { useLocale, useT, tm } from "~/lib/i18n/react";

type SurveyData = {
  title: string;
  place: string;
  open: boolean;
  questions: { id: string; textIt: string; textEn: string }[];
  services: { id: string; name: string }[];
  thanks: boolean;
};
type Failure = { ok: false; fieldErrors: FieldErrors; values: Record<string, string> };

/** After an answer, the kiosk shows its thanks this long, then the empty form for the next person. */
const KIOSK_THANKS_MS = 6_000;
/** A half-filled form left at the kiosk is emptied after this long without a touch. */
const KIOSK_IDLE_MS = 90_000;

/**
 * A citizen's survey: the same form on the poster's page (their own phone) and on the kiosk (a
 * tablet at the counter: larger targets, emptied after each answer, no way to leave the page).
 * Radio buttons in fieldsets, so it works without JavaScript and with any screen reader.
 */
export function CitizenSurvey({ kiosk = false }: { kiosk?: boolean }) {
  const t = useT();
  const locale = useLocale();
  const data = useLoaderData<SurveyData>();
  const failure = useActionData<Failure>();
  const errors = failure?.fieldErrors;
  const values = failure?.values ?? {};
  const [params] = useSearchParams();
  const lang = params.get("lang") === "en" ? "en" : locale;
  const other = lang === "en" ? "it" : "en";
  const navigate = useNavigate();
  const navigation = useNavigation();
  const formRef = useRef<HTMLFormElement>(null);
  const fresh = lang === "it" ? "?" : `?lang=${lang}`;

  useEffect(() => {
    if (!kiosk || !data.thanks) return;
    const timer = window.setTimeout(() => navigate(fresh, { replace: true }), KIOSK_THANKS_MS);
    return () => window.clearTimeout(timer);
  }, [kiosk, data.thanks, navigate, fresh]);

  useEffect(() => {
    if (!kiosk || data.thanks) return;
    let timer = 0;
    const later = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => {
        formRef.current?.reset();
        window.scrollTo(0, 0);
      }, KIOSK_IDLE_MS);
    };
    later();
    document.addEventListener("pointerdown", later);
    document.addEventListener("keydown", later);
    return () => {
      window.clearTimeout(timer);
      document.removeEventListener("pointerdown", later);
      document.removeEventListener("keydown", later);
    };
  }, [kiosk, data.thanks]);

  const switcher = (
    <p className="pionieri-lang-switch">
      <Link to={`?lang=${other}`} lang={other} hrefLang={other} replace={kiosk}>
        {other === "en" ? "English" : "Italiano"}
      </Link>
    </p>
  );

  if (data.thanks)
    return (
      <div className={`pionieri-citizen${kiosk ? " pionieri-kiosk" : ""}`}>
        {switcher}
        <h1 tabIndex={-1}>{t("citizen.thanks")}</h1>
        <p className="lead">{t(kiosk ? "citizen.thanksKiosk" : "citizen.thanksText")}</p>
        {kiosk ? (
          <Link to={fresh} replace className="btn btn-primary btn-lg">
            {t("citizen.again")}
          </Link>
        ) : null}
      </div>
    );

  return (
    <div className={`pionieri-citizen${kiosk ? " pionieri-kiosk" : ""}`}>
      {switcher}
      <h1>{data.title}</h1>
      <p className="lead">{t("citizen.intro", { place: data.place })}</p>
      {!data.open ? (
        <p className="alert alert-warning" role="status">
          {t("citizen.closed")}
        </p>
      ) : (
        <Form method="post" ref={formRef} replace={kiosk} noValidate>
          {errors ? (
            <div className="alert alert-danger" role="alert">
              {errors._form ? tm(t, errors._form) : t("form.errorSummary")}
            </div>
          ) : null}
          <p>{t("citizen.scale")}</p>
          {data.questions.map((question, index) => {
            const name = `q_${question.id}`;
            const error = errors?.[name];
            return (
              <fieldset
                key={question.id}
                className="pionieri-scale"
                aria-describedby={error ? `${name}-error` : undefined}
              >
                <legend>
                  {index + 1}. {lang === "en" ? question.textEn : question.textIt}
                </legend>
                {error ? (
                  <p id={`${name}-error`} className="invalid-feedback d-block">
                    {tm(t, error)}
                  </p>
                ) : null}
                <div className="pionieri-scale-options">
                  {["1", "2", "3", "4", "5", "0"].map((score) => (
                    <label key={score} className={score === "0" ? "pionieri-scale-dontknow" : undefined}>
                      <input type="radio" name={name} value={score} defaultChecked={values[name] === score} />
                      <span>{t(`citizen.score.${score}` as "citizen.score.1")}</span>
                    </label>
                  ))}
                </div>
              </fieldset>
            );
          })}
          <div className="mb-3">
            <label htmlFor="servizio" className="form-label">
              {t("citizen.service")}
            </label>
            <select id="servizio" name="servizio" className="form-select" defaultValue={values.servizio ?? ""}>
              <option value="">{t("citizen.serviceNone")}</option>
              {data.services.map((service) => (
                <option key={service.id} value={service.id}>
                  {service.name}
                </option>
              ))}
            </select>
          </div>
          <div className="mb-3">
            <label htmlFor="testo" className="form-label">
              {t("citizen.text")}
            </label>
            <p id="testo-hint" className="form-text">
              {t("citizen.textHint")}
            </p>
            <textarea
              id="testo"
              name="testo"
              rows={kiosk ? 3 : 4}
              maxLength={500}
              className={`form-control${errors?.testo ? " is-invalid" : ""}`}
              aria-describedby={errors?.testo ? "testo-hint testo-error" : "testo-hint"}
              aria-invalid={errors?.testo ? true : undefined}
              defaultValue={values.testo}
            />
            {errors?.testo ? (
              <p id="testo-error" className="invalid-feedback d-block">
                {tm(t, errors.testo)}
              </p>
            ) : null}
          </div>
          <div className="pionieri-honeypot" aria-hidden="true">
            <label htmlFor="sito_web">{t("citizen.honeypot")}</label>
            <input id="sito_web" name="sito_web" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
          </div>
          <button
            type="submit"
            className="btn btn-primary btn-lg pionieri-wide-button"
            disabled={navigation.state === "submitting"}
          >
            {t("citizen.submit")}
          </button>
          <p className="form-text mt-3">{t("citizen.privacy")}</p>
        </Form>
      )}
    </div>
  );
}

const ERROR_TITLES: Record<number, MessageKey> = {
  404: "error.notFoundTitle",
  409: "error.conflictTitle",
  429: "error.tooManyTitle",
};

/**
 * A refused answer on a citizen's page (unknown or closed survey, too many answers): said in the
 * page's language, with the way back to the survey and no door into the intranet.
 */
export function CitizenError() {
  const t = useT();
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const data = isRouteErrorResponse(error) ? (error.data as { key?: unknown; params?: MessageParams } | null) : null;
  const message =
    data && t.has(data.key) ? t(data.key, data.params) : t(status === 429 ? "error.tooMany" : "error.generic");
  return (
    <div className="pionieri-citizen">
      <h1>{t(ERROR_TITLES[status] ?? "error.genericTitle")}</h1>
      <p className="lead">{message}</p>
      {status !== 404 ? (
        <p>
          <a href="?">{t("citizen.back")}</a>
        </p>
      ) : null}
    </div>
  );
}

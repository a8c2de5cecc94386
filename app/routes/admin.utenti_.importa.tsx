import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  json,
  redirect,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  MaxPartSizeExceededError,
} from "@remix-run/node";
import { Form, Link, useActionData, useFetcher, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect } from "react";
import { AdminNav } from "~/components/admin-nav";
import { Breadcrumb } from "~/components/breadcrumb";
import { DataTable } from "~/components/data-table";
import { mailEnabled } from "~/domain/outbox.server";
import { assertCan } from "~/domain/policy.server";
import {
  getImport,
  IMPORT_MAX_BYTES,
  IMPORT_MAX_MB,
  IMPORT_MAX_ROWS,
  previewImport,
  runImport,
  TOO_BIG,
  type ImportBatch,
  type ImportProblem,
} from "~/domain/user-import.server";
import { requireUser } from "~/lib/auth.server";
import { field } from "~/lib/forms";
import { httpError } from "~/lib/http.server";
import type { PageHandle } from "~/lib/i18n";
import { roleLabel } from "~/lib/i18n/labels";
import { userImportMessages } from "~/lib/i18n/messages/userImport";
import { formsMessages } from "~/lib/i18n/messages/forms";
import { tm, useT } from "~/lib/i18n/react";
import { pageTitle } from "~/lib/meta";

export const handle: PageHandle = { messages: [userImportMessages, formsMessages] };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "import.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(context, request);
  assertCan(user.actor, "user.invite");
  const id = new URL(request.url).searchParams.get("id");
  return json({
    batch: id ? await getImport(user.actor, id) : null,
    mailOn: mailEnabled(),
    limits: { rows: IMPORT_MAX_ROWS, mb: IMPORT_MAX_MB },
  });
}

/** A file that cannot be read: 400 (413 when too large), the reason in Italian, nothing written. */
function refused(problem: ImportProblem, status = 400) {
  return json({ problem, created: null, links: [] as { email: string; url: string }[], batch: null }, { status });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = requireUser(context, request);
  assertCan(user.actor, "user.invite");
  if ((request.headers.get("content-type") ?? "").startsWith("multipart/form-data")) {
    let form: FormData;
    try {
      form = await unstable_parseMultipartFormData(
        request,
        unstable_createMemoryUploadHandler({ maxPartSize: IMPORT_MAX_BYTES }),
      );
    } catch (error) {
      if (error instanceof MaxPartSizeExceededError) return refused(TOO_BIG, 413);
      throw error;
    }
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) return refused({ key: "import.noFile" });
    const result = await previewImport(user.actor, {
      name: file.name,
      bytes: new Uint8Array(await file.arrayBuffer()),
    });
    if (!result.ok) return refused(result.problem, result.problem.key === "import.tooBig" ? 413 : 400);
    if (result.id === null)
      return json({ problem: null, created: null, links: [] as { email: string; url: string }[], batch: result.batch });
    return redirect(`/admin/utenti/importa?id=${result.id}`);
  }
  const form = await request.formData();
  if (field(form, "intent") !== "run") httpError(400, "v.unknownIntent");
  const importId = field(form, "importId");
  const { created, links } = await runImport(user.actor, importId);
  const origin = new URL(request.url).origin;
  return json({
    problem: null,
    created,
    links: links.map((l) => ({ email: l.email, url: origin + l.path })),
    batch: await getImport(user.actor, importId),
  });
}

export default function ImportUsers() {
  const t = useT();
  const loaded = useLoaderData<typeof loader>();
  const { mailOn, limits } = loaded;
  const result = useActionData<typeof action>();
  // A file with nothing to import comes back from the action, never stored.
  const batch = result?.batch ?? loaded.batch ?? null;
  const navigation = useNavigation();
  const running = navigation.state === "submitting" && navigation.formData?.get("intent") === "run";
  return (
    <>
      <AdminNav />
      <Breadcrumb parents={[{ to: "/admin/utenti", label: t("nav.adminUsers") }]} current={t("import.title")} />
      <h1>{t("import.title")}</h1>
      {result?.problem ? (
        <div className="alert alert-danger" role="alert">
          {tm(t, result.problem)}
        </div>
      ) : null}
      {!batch ? (
        <>
          <p>{t("import.intro")}</p>
          <ul>
            <li>{t("import.columns")}</li>
            <li>{t("import.format", { max: limits.rows, size: limits.mb })}</li>
            <li>{t(mailOn ? "import.mailOn" : "import.mailOff")}</li>
          </ul>
          <p>
            <a href="/admin/utenti/importa/modello.csv" download>
              {t("import.template")}
            </a>
          </p>
          <Form method="post" encType="multipart/form-data" className="pionieri-panel">
            <label className="form-label" htmlFor="import-file">
              {t("import.file")}
            </label>
            <input
              id="import-file"
              className="form-control mb-3"
              type="file"
              name="file"
              accept=".csv,text/csv"
              required
            />
            <button type="submit" className="btn btn-primary">
              {t("import.check")}
            </button>
          </Form>
        </>
      ) : (
        <Batch batch={batch} running={running} result={result ?? null} />
      )}
    </>
  );
}

function Batch({
  batch,
  running,
  result,
}: {
  batch: ImportBatch;
  running: boolean;
  result: { created: number | null; links: { email: string; url: string }[] } | null;
}) {
  const t = useT();
  const progress = useFetcher<typeof loader>();
  const { load } = progress;
  // While the import runs, its progress is read every half second (with JavaScript).
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => void load(`/admin/utenti/importa?id=${batch.id}`), 500);
    return () => clearInterval(timer);
  }, [running, batch.id, load]);
  const live = progress.data?.batch ?? batch;
  const problems = batch.rows.filter((row) => row.problem).length;
  return (
    <>
      <p>{t("import.summary", { file: batch.fileName, total: batch.total, ready: batch.ready, problems })}</p>
      {running ? (
        <p role="status" className="alert alert-info">
          {t("import.progress", { done: live.done, total: batch.ready })}
        </p>
      ) : null}
      {result?.created !== null && result?.created !== undefined ? (
        <div role="status" className="alert alert-success">
          {t("import.done", { count: result.created })}
        </div>
      ) : batch.status === "DONE" ? (
        <div role="status" className="alert alert-success">
          {t("import.alreadyDone")}
        </div>
      ) : batch.ready > 0 ? (
        <Form method="post" action={`/admin/utenti/importa?id=${batch.id}`}>
          <input type="hidden" name="intent" value="run" />
          <input type="hidden" name="importId" value={batch.id ?? ""} />
          <button type="submit" className="btn btn-primary" disabled={running}>
            {t("import.run", { count: batch.ready })}
          </button>
        </Form>
      ) : (
        <p>{t("import.nothing")}</p>
      )}
      {result && result.links.length > 0 ? (
        <>
          <p>{t("import.links")}</p>
          <textarea
            className="form-control mb-3"
            readOnly
            rows={8}
            aria-label={t("import.links")}
            value={result.links.map((l) => `${l.email};${l.url}`).join("\n")}
          />
        </>
      ) : null}
      <DataTable
        caption={t("import.rowsCaption")}
        // Rows with a problem first: in a file of a thousand, they are what needs reading.
        rows={[...batch.rows].sort((a, b) => Number(!a.problem) - Number(!b.problem) || a.line - b.line)}
        rowKey={(row) => row.line}
        columns={[
          { label: t("import.colPerson"), rowHeader: true, cell: (row) => `${row.name} ${row.surname}`.trim() || "—" },
          { label: t("import.colLine"), numeric: true, cell: (row) => row.line },
          { label: t("import.colEmail"), cell: (row) => row.email || "—" },
          { label: t("import.colOffice"), cell: (row) => row.office || "—" },
          { label: t("import.colRole"), cell: (row) => roleLabel(t, row.role) },
          { label: t("import.colGroups"), cell: (row) => row.groupNames.join(", ") || "—" },
          {
            label: t("import.colCheck"),
            cell: (row) =>
              row.problem ? (
                <span className="pionieri-flag pionieri-flag-late">{tm(t, row.problem)}</span>
              ) : (
                <span className="pionieri-state pionieri-state-on">{t("import.ok")}</span>
              ),
          },
        ]}
      />
      <p>
        <Link to="/admin/utenti/importa">{t("import.another")}</Link>
      </p>
    </>
  );
}

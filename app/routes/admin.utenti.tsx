import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Pager } from "~/components/pager";
import { FormErrors, SelectField, TextField } from "~/components/form";
import { AdminNav } from "~/components/admin-nav";
import { listGroupsForAdmin } from "~/domain/groups.server";
import { createAccessLink, invitationPath, inviteUser } from "~/domain/invitations.server";
import { can } from "~/domain/policy";
import { isRole, ROLES } from "~/lib/actor";
import { inviteSchema } from "~/forms/schemas.server";
import { LIMITS } from "~/domain/limits";
import { FORMER_COLLEAGUE } from "~/domain/people";
import { anonymiseUser, changeRole, listUsers, setActive, setLeader } from "~/domain/users.server";
import { readUserFilters } from "~/forms/filters.server";
import { requireUser } from "~/lib/auth.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { failureOf, field, typedValues } from "~/lib/forms";
import { invalid, parseForm } from "~/lib/forms.server";
import { httpError } from "~/lib/http.server";
import { useT } from "~/lib/i18n/react";
import { pageTitle } from "~/lib/meta";
import { useRootData } from "~/lib/root-data";
import { roleLabel } from "~/lib/i18n/labels";
import type { PageHandle } from "~/lib/i18n";
import { adminMessages } from "~/lib/i18n/messages/admin";
import { formsMessages } from "~/lib/i18n/messages/forms";

export const handle: PageHandle = { messages: [adminMessages, formsMessages] };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "admin.users.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(context, request);
  const filters = readUserFilters(new URL(request.url).searchParams);
  const [result, groups] = await Promise.all([listUsers(user.actor, filters), listGroupsForAdmin(user.actor)]);
  return json({ ...result, groups: groups.map(({ id, name }) => ({ id, name })) });
}

function backTo(form: FormData) {
  const query = field(form, "query");
  return `/admin/utenti${query.startsWith("?") ? query : ""}`;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = requireUser(context, request);
  const form = await request.formData();
  const intent = field(form, "intent");
  const userId = field(form, "userId");
  const origin = new URL(request.url).origin;

  switch (intent) {
    case "invite": {
      const parsed = parseForm(inviteSchema, form);
      if (!parsed.ok) return invalid(parsed.fieldErrors, typedValues(form));
      const result = await inviteUser(user.actor, parsed.data);
      if (!result.ok) return invalid(result.fieldErrors, typedValues(form), { status: 409 });
      return json({
        ok: true as const,
        link: { kind: "invite" as const, email: parsed.data.email, url: origin + invitationPath(result.token) },
      });
    }
    case "reset": {
      const { token, user: target } = await createAccessLink(user.actor, userId);
      return json({
        ok: true as const,
        link: { kind: "reset" as const, email: target.email, url: origin + invitationPath(token) },
      });
    }
    case "role": {
      const role = field(form, "role");
      if (!isRole(role)) httpError(400, "v.roleInvalid");
      const target = await changeRole(user.actor, userId, role);
      return redirectWithFlash(backTo(form), "admin.users.roleChanged", { name: target.displayName, role: role });
    }
    case "deactivate":
    case "reactivate": {
      const target = await setActive(user.actor, userId, intent === "reactivate");
      return redirectWithFlash(
        backTo(form),
        intent === "reactivate" ? "admin.users.reactivated" : "admin.users.deactivated",
        { name: target.displayName },
      );
    }
    case "anonymise": {
      if (field(form, "confirm") !== "1") httpError(400, "admin.users.anonymiseConfirmRequired");
      const target = await anonymiseUser(user.actor, userId);
      return redirectWithFlash(backTo(form), "admin.users.anonymised", { name: target.displayName });
    }
    case "leader":
    case "unleader": {
      const { user: target, group } = await setLeader(user.actor, userId, field(form, "groupId"), intent === "leader");
      return redirectWithFlash(
        backTo(form),
        intent === "leader" ? "admin.users.leaderSet" : "admin.users.leaderUnset",
        { name: target.displayName, group: group.name },
      );
    }
    default:
      httpError(400, "v.unknownIntent");
  }
}

export default function AdminUsers() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const actor = useRootData()?.user?.actor;
  const [params] = useSearchParams();
  const query = params.toString() ? `?${params.toString()}` : "";
  const inviteFailure = failureOf(actionData);
  const inviteErrors = inviteFailure?.fieldErrors;
  const inviteValues = inviteFailure?.values;
  const groupName = new Map(data.groups.map((g) => [g.id, g.name]));
  const roleOptions = ROLES.map((role) => ({ value: role, label: roleLabel(t, role) }));

  return (
    <>
      <AdminNav />
      <h1>{t("admin.users.title")}</h1>

      {actionData?.ok ? (
        <div className="alert alert-success pionieri-link-alert" role="status">
          {t(actionData.link.kind === "invite" ? "admin.users.invited" : "admin.users.resetCreated", {
            email: actionData.link.email,
          })}
          <input
            className="form-control mt-2"
            readOnly
            value={actionData.link.url}
            aria-label={actionData.link.email}
            data-testid="invitation-link"
          />
        </div>
      ) : null}

      <section aria-labelledby="invite-title" className="pionieri-panel mb-4">
        <h2 id="invite-title" className="h4">
          {t("admin.users.inviteTitle")}
        </h2>
        <FormErrors errors={inviteErrors} />
        <Form method="post" noValidate className="pionieri-inline-form">
          <input type="hidden" name="intent" value="invite" />
          <TextField
            name="email"
            type="email"
            label={t("field.email")}
            required
            maxLength={LIMITS.email}
            errors={inviteErrors}
            defaultValue={inviteValues?.email ?? ""}
            id="invite-email"
          />
          <SelectField
            name="role"
            label={t("field.role")}
            options={roleOptions}
            defaultValue={inviteValues?.role ?? "DIPENDENTE"}
            errors={inviteErrors}
          />
          <button type="submit" className="btn btn-primary">
            {t("admin.users.inviteSubmit")}
          </button>
        </Form>
      </section>

      <Form method="get" className="pionieri-filters" role="search">
        <TextField
          name="q"
          type="search"
          label={t("admin.users.search")}
          defaultValue={params.get("q") ?? ""}
          maxLength={LIMITS.search}
        />
        <SelectField
          name="ruolo"
          label={t("admin.users.filterRole")}
          defaultValue={params.get("ruolo") ?? ""}
          options={[{ value: "", label: t("admin.users.all") }, ...roleOptions]}
        />
        <SelectField
          name="stato"
          label={t("admin.users.filterStatus")}
          defaultValue={params.get("stato") ?? ""}
          options={[
            { value: "", label: t("admin.users.all") },
            { value: "active", label: t("admin.users.active") },
            { value: "pending", label: t("admin.users.pending") },
            { value: "inactive", label: t("admin.users.inactive") },
          ]}
        />
        <SelectField
          name="gruppo"
          label={t("admin.users.filterGroup")}
          defaultValue={params.get("gruppo") ?? ""}
          options={[
            { value: "", label: t("admin.users.all") },
            ...data.groups.map((g) => ({ value: g.id, label: g.name })),
          ]}
        />
        <button type="submit" className="btn btn-outline-primary">
          {t("admin.users.apply")}
        </button>
      </Form>

      <p role="status">
        {data.total === 1 ? t("admin.users.resultsOne") : t("admin.users.results", { count: data.total })}
      </p>

      {data.users.length === 0 ? (
        <p>{t("admin.users.none")}</p>
      ) : (
        <div className="table-responsive">
          <table className="table pionieri-users">
            <thead>
              <tr>
                <th scope="col">{t("admin.users.colName")}</th>
                <th scope="col">{t("admin.users.colRole")}</th>
                <th scope="col">{t("admin.users.colGroups")}</th>
                <th scope="col">{t("admin.users.colStatus")}</th>
                <th scope="col">{t("admin.users.colActions")}</th>
              </tr>
            </thead>
            <tbody>
              {data.users.map((u) => {
                const self = u.id === actor?.id;
                return (
                  <tr key={u.id}>
                    <th scope="row">
                      {u.displayName} {self ? <span className="text-muted">{t("admin.users.you")}</span> : null}
                      <br />
                      <small className="pionieri-muted">{u.email}</small>
                      {u.office ? (
                        <>
                          <br />
                          <small className="pionieri-muted">{u.office}</small>
                        </>
                      ) : null}
                    </th>
                    <td>
                      {can(actor, "user.changeRole", u) ? (
                        <Form method="post" className="pionieri-row-form">
                          <input type="hidden" name="intent" value="role" />
                          <input type="hidden" name="userId" value={u.id} />
                          <input type="hidden" name="query" value={query} />
                          <label className="visually-hidden" htmlFor={`role-${u.id}`}>
                            {t("admin.users.changeRoleFor", { name: u.displayName })}
                          </label>
                          <select
                            id={`role-${u.id}`}
                            name="role"
                            defaultValue={u.role}
                            className="form-select form-select-sm"
                          >
                            {roleOptions.map((option) => (
                              <option key={option.value} value={option.value}>
                                {option.label}
                              </option>
                            ))}
                          </select>
                          <button type="submit" className="btn btn-outline-primary btn-xs">
                            {t("admin.users.changeRole")}
                          </button>
                        </Form>
                      ) : (
                        roleLabel(t, isRole(u.role) ? u.role : "DIPENDENTE")
                      )}
                    </td>
                    <td>
                      <ul className="pionieri-plain-list">
                        {u.memberships.map((m) => (
                          <li key={m.groupId}>
                            {groupName.get(m.groupId)}
                            {m.isLeader ? <strong> · {t("admin.users.leaderOf")}</strong> : null}
                          </li>
                        ))}
                      </ul>
                      <details className="pionieri-leaders">
                        <summary>{t("admin.users.leadership")}</summary>
                        <ul className="pionieri-plain-list">
                          {data.groups.map((g) => {
                            const leads = u.memberships.some((m) => m.groupId === g.id && m.isLeader);
                            return (
                              <li key={g.id}>
                                <Form method="post">
                                  <input type="hidden" name="intent" value={leads ? "unleader" : "leader"} />
                                  <input type="hidden" name="userId" value={u.id} />
                                  <input type="hidden" name="groupId" value={g.id} />
                                  <input type="hidden" name="query" value={query} />
                                  <button type="submit" className="btn btn-link btn-xs p-0">
                                    {t(leads ? "admin.users.unmakeLeader" : "admin.users.makeLeader", {
                                      group: g.name,
                                    })}
                                  </button>
                                </Form>
                              </li>
                            );
                          })}
                        </ul>
                      </details>
                    </td>
                    <td>
                      {!u.active ? (
                        <span className="badge bg-secondary">{t("admin.users.statusInactive")}</span>
                      ) : u.pending ? (
                        <span className="badge bg-warning text-dark">{t("admin.users.statusPending")}</span>
                      ) : (
                        <span className="badge bg-success">{t("admin.users.statusActive")}</span>
                      )}
                    </td>
                    <td>
                      <div className="pionieri-actions">
                        <Form method="post">
                          <input type="hidden" name="intent" value="reset" />
                          <input type="hidden" name="userId" value={u.id} />
                          <button
                            type="submit"
                            className="btn btn-outline-secondary btn-xs"
                            aria-label={t("admin.users.resendFor", { name: u.displayName })}
                          >
                            {t("admin.users.resend")}
                          </button>
                        </Form>
                        {can(actor, "user.setActive", u) ? (
                          <Form method="post">
                            <input type="hidden" name="intent" value={u.active ? "deactivate" : "reactivate"} />
                            <input type="hidden" name="userId" value={u.id} />
                            <input type="hidden" name="query" value={query} />
                            <button
                              type="submit"
                              className={u.active ? "btn btn-outline-danger btn-xs" : "btn btn-outline-success btn-xs"}
                              aria-label={t(u.active ? "admin.users.deactivateFor" : "admin.users.reactivateFor", {
                                name: u.displayName,
                              })}
                            >
                              {t(u.active ? "admin.users.deactivate" : "admin.users.reactivate")}
                            </button>
                          </Form>
                        ) : null}
                        {can(actor, "user.anonymise", u) && u.displayName !== FORMER_COLLEAGUE ? (
                          <details className="pionieri-anonymise">
                            <summary className="btn btn-outline-danger btn-xs">{t("admin.users.anonymise")}</summary>
                            <Form method="post" className="mt-2">
                              <input type="hidden" name="intent" value="anonymise" />
                              <input type="hidden" name="userId" value={u.id} />
                              <input type="hidden" name="query" value={query} />
                              <p className="small mb-1">{t("admin.users.anonymiseExplain", { name: u.displayName })}</p>
                              <div className="form-check">
                                <input
                                  className="form-check-input"
                                  type="checkbox"
                                  name="confirm"
                                  value="1"
                                  id={`anonymise-${u.id}`}
                                  required
                                />
                                <label className="form-check-label small" htmlFor={`anonymise-${u.id}`}>
                                  {t("admin.users.anonymiseConfirm")}
                                </label>
                              </div>
                              <button
                                type="submit"
                                className="btn btn-danger btn-xs mt-1"
                                aria-label={t("admin.users.anonymiseFor", { name: u.displayName })}
                              >
                                {t("admin.users.anonymise")}
                              </button>
                            </Form>
                          </details>
                        ) : null}
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <Pager page={data.page} pages={data.pages} />
    </>
  );
}

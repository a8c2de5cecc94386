import { FilterFold } from "~/components/filter-fold";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Pager } from "~/components/pager";
import { DataTable } from "~/components/data-table";
import { FormErrors, SelectField, TextField } from "~/components/form";
import { ActionLabel } from "~/components/action-label";
import { ConfirmAction } from "~/components/confirm-action";
import { Menu } from "~/components/menu";
import { AdminNav } from "~/components/admin-nav";
import { checkDirectoryNow, directoryEnabled, lastDirectoryCheck } from "~/domain/directory.server";
import { listGroupsForAdmin } from "~/domain/groups.server";
import { createAccessLink, invitationPath, inviteUser } from "~/domain/invitations.server";
import { assertCan, can } from "~/domain/policy.server";
import { isRole, ROLES } from "~/lib/actor";
import { inviteSchema } from "~/forms/schemas.server";
import { LIMITS } from "~/domain/limits";
import { FORMER_COLLEAGUE } from "~/domain/people";
import { anonymiseUser, changeRole, listUsers, setActive, setLeader } from "~/domain/users.server";
import { readUserFilters } from "~/forms/filters.server";
import { requireUser } from "~/lib/auth.server";
import { env } from "~/lib/env.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { failureOf, field, typedValues } from "~/lib/forms";
import { invalid, parseForm } from "~/lib/forms.server";
import { httpError } from "~/lib/http.server";
import { useLocale, useT } from "~/lib/i18n/react";
import { formatDate } from "~/lib/dates";
import { pageTitle } from "~/lib/meta";
import { useRootData } from "~/lib/root-data";
import { roleLabel } from "~/lib/i18n/labels";
import type { PageHandle } from "~/lib/i18n";
import { adminMessages } from "~/lib/i18n/messages/admin";
import { formsMessages } from "~/lib/i18n/messages/forms";

export const handle: PageHandle = { messages: [adminMessages, formsMessages], hydrate: false };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "admin.users.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(context, request);
  const filters = readUserFilters(new URL(request.url).searchParams);
  const [result, groups, check] = await Promise.all([
    listUsers(user.actor, filters),
    listGroupsForAdmin(user.actor),
    directoryEnabled() ? lastDirectoryCheck() : null,
  ]);
  return json({
    ...result,
    // What the admin may do to each account, asked of the policy here: the page draws it on the server.
    users: result.users.map((u) => ({
      ...u,
      may: {
        changeRole: can(user.actor, "user.changeRole", u),
        setActive: can(user.actor, "user.setActive", u),
        anonymise: can(user.actor, "user.anonymise", u),
      },
    })),
    groups: groups.map(({ id, name }) => ({ id, name })),
    directory: directoryEnabled() ? { check, minutes: env.ldap!.checkMinutes } : null,
  });
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
        link: {
          kind: "invite" as const,
          email: parsed.data.email,
          url: origin + invitationPath(result.token),
          mailed: result.mailed,
        },
      });
    }
    case "reset": {
      const { token, user: target, mailed } = await createAccessLink(user.actor, userId);
      return json({
        ok: true as const,
        link: { kind: "reset" as const, email: target.email, url: origin + invitationPath(token), mailed },
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
      // Who may comes before whether they confirmed: a colleague gets 403, not a request to confirm.
      assertCan(user.actor, "user.setActive", { id: userId });
      if (intent === "deactivate" && field(form, "confirm") !== "1")
        return invalid({ confirm: { key: "v.confirmRequired" } }, typedValues(form), { form: `deactivate-${userId}` });
      const target = await setActive(user.actor, userId, intent === "reactivate");
      return redirectWithFlash(
        backTo(form),
        intent === "reactivate" ? "admin.users.reactivated" : "admin.users.deactivated",
        { name: target.displayName },
      );
    }
    case "anonymise": {
      assertCan(user.actor, "user.anonymise", { id: userId });
      if (field(form, "confirm") !== "1")
        return invalid({ confirm: { key: "v.confirmRequired" } }, typedValues(form), { form: `anonymise-${userId}` });
      const target = await anonymiseUser(user.actor, userId);
      return redirectWithFlash(backTo(form), "admin.users.anonymised", { name: target.displayName });
    }
    case "directoryCheck": {
      await checkDirectoryNow(user.actor);
      return redirectWithFlash(backTo(form), "admin.users.directoryChecked");
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
          {t(
            actionData.link.mailed
              ? actionData.link.kind === "invite"
                ? "admin.users.invitationMailed"
                : "admin.users.resetMailed"
              : actionData.link.kind === "invite"
                ? "admin.users.invited"
                : "admin.users.resetCreated",
            { email: actionData.link.email },
          )}
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
        <p className="mt-3 mb-0">
          <Link to="/admin/utenti/importa">{t("admin.users.import")}</Link>
        </p>
      </section>

      {data.directory ? <DirectoryPanel directory={data.directory} query={query} /> : null}

      <Form method="get" className="pionieri-filters" role="search">
        <FilterFold active={["q", "ruolo", "stato", "gruppo"].filter((name) => params.get(name)).length}>
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
            {t("filters.apply")}
          </button>
        </FilterFold>
      </Form>

      <p role="status">
        {data.total === 1 ? t("admin.users.resultsOne") : t("admin.users.results", { count: data.total })}
      </p>

      {data.users.length === 0 ? (
        <p>{t("admin.users.none")}</p>
      ) : (
        <DataTable
          caption={t("admin.users.title")}
          captionHidden
          className="pionieri-users"
          rows={data.users}
          rowKey={(u) => u.id}
          columns={[
            {
              label: t("admin.users.colName"),
              rowHeader: true,
              cell: (u) => (
                <>
                  {u.displayName}{" "}
                  {u.id === actor?.id ? <span className="text-muted">{t("admin.users.you")}</span> : null}
                  <small className="pionieri-muted d-block">{u.email}</small>
                  {u.office ? <small className="pionieri-muted d-block">{u.office}</small> : null}
                </>
              ),
            },
            {
              label: t("admin.users.colRole"),
              cell: (u) => (
                <>
                  {roleLabel(t, u.role)}
                  {u.memberships.some((m) => m.isLeader) ? (
                    <span className="pionieri-badge">{t("admin.users.leaderBadge")}</span>
                  ) : null}
                  {u.directory ? <span className="pionieri-badge">{t("admin.users.directory")}</span> : null}
                </>
              ),
            },
            {
              label: t("admin.users.colGroups"),
              cell: (u) =>
                u.memberships.length === 0 ? (
                  "—"
                ) : (
                  <ul className="pionieri-plain-list">
                    {u.memberships.map((m) => (
                      <li key={m.groupId}>
                        {m.isLeader ? (
                          <>
                            <strong>{groupName.get(m.groupId)}</strong>
                            <span className="visually-hidden"> ({t("admin.users.leaderOf")})</span>
                          </>
                        ) : (
                          groupName.get(m.groupId)
                        )}
                      </li>
                    ))}
                  </ul>
                ),
            },
            {
              label: t("admin.users.colStatus"),
              cell: (u) =>
                !u.active ? (
                  <span className="badge bg-secondary">{t("admin.users.statusInactive")}</span>
                ) : u.pending ? (
                  <span className="badge bg-warning text-dark">{t("admin.users.statusPending")}</span>
                ) : (
                  <span className="badge bg-success">{t("admin.users.statusActive")}</span>
                ),
            },
            {
              label: t("admin.users.colActions"),
              cell: (u) => <UserActions user={u} groups={data.groups} query={query} roleOptions={roleOptions} />,
            },
          ]}
        />
      )}
      <Pager page={data.page} pages={data.pages} />
    </>
  );
}

type ListedUser = ReturnType<typeof useLoaderData<typeof loader>>["users"][number];

/** Everything the admin can do to one account, in one menu; deactivating and anonymising ask to confirm. */
function UserActions({
  user: u,
  groups,
  query,
  roleOptions,
}: {
  user: ListedUser;
  groups: { id: string; name: string }[];
  query: string;
  roleOptions: { value: string; label: string }[];
}) {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const deactivateFailure = failureOf(actionData, `deactivate-${u.id}`);
  const anonymiseFailure = failureOf(actionData, `anonymise-${u.id}`);
  const hidden = (intent: string) => (
    <>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="userId" value={u.id} />
      <input type="hidden" name="query" value={query} />
    </>
  );
  return (
    <Menu
      label={
        <ActionLabel text={t("admin.users.actions")} about={t("admin.users.actionsOn", { name: u.displayName })} />
      }
      open={Boolean(deactivateFailure || anonymiseFailure)}
    >
      {u.may.changeRole ? (
        <Form method="post" className="pionieri-row-form">
          {hidden("role")}
          <label htmlFor={`role-${u.id}`}>{t("admin.users.changeRoleFor", { name: u.displayName })}</label>
          <select id={`role-${u.id}`} name="role" defaultValue={u.role} className="form-select form-select-sm">
            {roleOptions.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
          <button type="submit" className="btn btn-outline-primary btn-sm">
            {t("admin.users.changeRole")}
          </button>
        </Form>
      ) : null}
      <p className="pionieri-menu-title">{t("admin.users.leadership")}</p>
      <ul>
        {groups.map((g) => {
          const leads = u.memberships.some((m) => m.groupId === g.id && m.isLeader);
          return (
            <li key={g.id}>
              <Form method="post">
                {hidden(leads ? "unleader" : "leader")}
                <input type="hidden" name="groupId" value={g.id} />
                <button type="submit" className="btn btn-link btn-sm p-0 text-start">
                  {t(leads ? "admin.users.unmakeLeader" : "admin.users.makeLeader", { group: g.name })}
                </button>
              </Form>
            </li>
          );
        })}
      </ul>
      {u.directory ? null : (
        <Form method="post" className="mt-2">
          {hidden("reset")}
          <button type="submit" className="btn btn-outline-secondary btn-sm">
            {t("admin.users.resend")}
          </button>
        </Form>
      )}
      {u.may.setActive && !u.active ? (
        <Form method="post" className="mt-2">
          {hidden("reactivate")}
          <button type="submit" className="btn btn-outline-success btn-sm">
            {t("admin.users.reactivate")}
          </button>
        </Form>
      ) : null}
      {u.may.setActive && u.active ? (
        <ConfirmAction
          className="mt-2"
          id={`deactivate-${u.id}`}
          summary={t("admin.users.deactivate")}
          fields={{ intent: "deactivate", userId: u.id, query }}
          explain={t("admin.users.deactivateExplain", { name: u.displayName })}
          confirm={t("admin.users.deactivateConfirm")}
          submit={t("admin.users.deactivateFor", { name: u.displayName })}
          errors={deactivateFailure?.fieldErrors}
        />
      ) : null}
      {u.may.anonymise && u.displayName !== FORMER_COLLEAGUE ? (
        <ConfirmAction
          className="mt-2"
          id={`anonymise-${u.id}`}
          summary={t("admin.users.anonymise")}
          fields={{ intent: "anonymise", userId: u.id, query }}
          explain={t("admin.users.anonymiseExplain", { name: u.displayName })}
          confirm={t("admin.users.anonymiseConfirm")}
          submit={t("admin.users.anonymiseFor", { name: u.displayName })}
          errors={anonymiseFailure?.fieldErrors}
        />
      ) : null}
    </Menu>
  );
}

type DirectoryData = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["directory"]>;

/** When the directory was last read, what it changed, and a way to read it now. */
function DirectoryPanel({ directory, query }: { directory: DirectoryData; query: string }) {
  const t = useT();
  const locale = useLocale();
  const check = directory.check;
  return (
    <section aria-labelledby="directory-title" className="pionieri-panel mb-4">
      <h2 id="directory-title" className="h4">
        {t("admin.users.directoryTitle")}
      </h2>
      <p>{t("admin.users.directoryIntro", { minutes: directory.minutes })}</p>
      <p role="status">
        {check
          ? t("admin.users.directoryLast", {
              at: formatDate(check.at, locale, "dateTime"),
              checked: check.checked,
              deactivated: check.deactivated.length,
              roles: check.roleChanges,
            })
          : t("admin.users.directoryNever")}
      </p>
      {check?.error ? (
        <p className="alert alert-warning">{t("admin.users.directoryError", { error: check.error })}</p>
      ) : null}
      {check && check.deactivated.length > 0 ? (
        <>
          <h3 className="h6">{t("admin.users.directoryGone")}</h3>
          <ul>
            {check.deactivated.map((gone) => (
              <li key={gone.email}>
                {t(gone.reason === "disabled" ? "admin.users.directoryDisabled" : "admin.users.directoryMissing", {
                  email: gone.email,
                })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <Form method="post">
        <input type="hidden" name="intent" value="directoryCheck" />
        <input type="hidden" name="query" value={query} />
        <button type="submit" className="btn btn-outline-primary btn-sm">
          {t("admin.users.directoryCheckNow")}
        </button>
      </Form>
    </section>
  );
}

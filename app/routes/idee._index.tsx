import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { SelectField, TextField } from "~/components/form";
import { FilterFold, GroupFilter } from "~/components/filter-fold";
import { IdeaCard, SortLinks } from "~/components/ideas";
import { groupOptions } from "~/domain/groups.server";
import { IDEA_LIMITS, IDEA_STATUSES, statusSlug, TAG_KINDS } from "~/domain/ideas";
import { listIdeas } from "~/domain/idea-list.server";
import { readIdeaFilters } from "~/forms/filters.server";
import { can } from "~/domain/policy.server";
import { listTags } from "~/domain/tags.server";
import { requireUser } from "~/lib/auth.server";
import type { MessageKey } from "~/lib/i18n";
import { useT } from "~/lib/i18n/react";
import { pageTitle } from "~/lib/meta";
import { ideaStatusLabel } from "~/lib/i18n/labels";
import type { PageHandle } from "~/lib/i18n";
import { ideasMessages } from "~/lib/i18n/messages/ideas";

/** Links and plain GET forms only (search, filters, sorts, the next page): drawn by the server (0049). */
export const handle: PageHandle = { messages: [ideasMessages], hydrate: false };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "nav.ideas");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(context, request);
  const [groups, tags] = await Promise.all([groupOptions(), listTags()]);
  const params = new URL(request.url).searchParams;
  const filters = readIdeaFilters(
    params,
    groups,
    tags.map((tag) => tag.id),
  );
  const page = await listIdeas(user.actor, filters);
  return json({
    ...page,
    sort: filters.sort ?? "rilevanza",
    groups: groups.map(({ slug, name }) => ({ slug, name })),
    tags,
    canCreate: can(user.actor, "idea.create"),
  });
}

export default function Ideas() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const next = new URLSearchParams(params);
  if (data.nextCursor) next.set("cursor", data.nextCursor);
  const filtered = ["gruppo", "stato", "tema", "mie", "sostengo", "q"].some((name) => params.get(name));
  return (
    <>
      <div className="pionieri-title-row">
        <h1>{t("ideas.title")}</h1>
        {data.canCreate ? (
          <Link to="/idee/nuova" className="btn btn-primary">
            {t("ideas.new")}
          </Link>
        ) : null}
      </div>
      <Form method="get" className="pionieri-filters" role="search" aria-label={t("ideas.searchLabel")}>
        <TextField
          name="q"
          type="search"
          label={t("ideas.search")}
          defaultValue={params.get("q") ?? ""}
          maxLength={IDEA_LIMITS.query}
        />
        <button type="submit" className="btn btn-primary">
          {t("ideas.searchSubmit")}
        </button>
        <FilterFold active={["gruppo", "stato", "tema", "mie", "sostengo"].filter((name) => params.get(name)).length}>
          <GroupFilter groups={data.groups} value={params.get("gruppo")} />
          <SelectField
            name="stato"
            label={t("ideas.filterStatus")}
            defaultValue={params.get("stato") ?? ""}
            options={[
              { value: "", label: t("ideas.allStatuses") },
              ...IDEA_STATUSES.map((status) => ({
                value: statusSlug(status),
                label: ideaStatusLabel(t, status),
              })),
            ]}
          />
          <SelectField
            name="tema"
            label={t("ideas.filterTag")}
            defaultValue={params.get("tema") ?? ""}
            options={[
              { value: "", label: t("ideas.allTags") },
              ...TAG_KINDS.flatMap((kind) =>
                data.tags
                  .filter((tag) => tag.kind === kind)
                  .map((tag) => ({ value: tag.id, label: `${t(`tags.kind.${kind}` as MessageKey)}: ${tag.name}` })),
              ),
            ]}
          />
          <fieldset className="pionieri-field pionieri-checks">
            <legend className="visually-hidden">{t("ideas.mineLegend")}</legend>
            <label className="pionieri-check">
              <input type="checkbox" name="mie" value="1" defaultChecked={params.get("mie") === "1"} />{" "}
              {t("ideas.mine")}
            </label>
            <label className="pionieri-check">
              <input type="checkbox" name="sostengo" value="1" defaultChecked={params.get("sostengo") === "1"} />{" "}
              {t("ideas.iSupport")}
            </label>
          </fieldset>
          <button type="submit" className="btn btn-outline-primary">
            {t("filters.apply")}
          </button>
        </FilterFold>
        {params.get("sort") ? <input type="hidden" name="sort" value={params.get("sort") ?? ""} /> : null}
      </Form>
      <SortLinks current={data.sort} params={params} />
      {filtered ? (
        <p>
          <Link to="/idee">{t("ideas.clearFilters")}</Link>
        </p>
      ) : null}
      {data.items.length === 0 ? (
        <p role="status">{t("ideas.none")}</p>
      ) : (
        <ol className="pionieri-idea-list" aria-label={t("ideas.title")}>
          {data.items.map((idea) => (
            <li key={idea.id}>
              <IdeaCard idea={idea} />
            </li>
          ))}
        </ol>
      )}
      {data.nextCursor ? (
        <p className="text-center">
          <Link to={`?${next.toString()}`} className="btn btn-outline-primary">
            {t("ideas.more")}
          </Link>
        </p>
      ) : null}
    </>
  );
}

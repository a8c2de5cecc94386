import type { ReactNode } from "react";
import { useT } from "~/lib/i18n/react";
import { SelectField } from "./form";

/**
 * Filters that fold behind one "Filtra (n)" button on a phone, so that the results start in the
 * first screen; on a wider screen they are always shown. A <details>: it works without JavaScript.
 */
export function FilterFold({ active, children }: { active: number; children: ReactNode }) {
  const t = useT();
  return (
    <details className="pionieri-filter-fold">
      <summary className="btn btn-outline-primary btn-sm">
        {active > 0 ? t("filters.toggleActive", { count: active }) : t("filters.toggle")}
      </summary>
      <div className="pionieri-filter-fold-body">{children}</div>
    </details>
  );
}

/** The working-group filter of the idea list and the crono-programma (`gruppo`, by slug). */
export function GroupFilter({ groups, value }: { groups: { slug: string; name: string }[]; value: string | null }) {
  const t = useT();
  return (
    <SelectField
      name="gruppo"
      label={t("ideas.filterGroup")}
      defaultValue={value ?? ""}
      options={[{ value: "", label: t("ideas.allGroups") }, ...groups.map((g) => ({ value: g.slug, label: g.name }))]}
    />
  );
}

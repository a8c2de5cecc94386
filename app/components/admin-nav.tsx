import { NavLink } from "@remix-run/react";
import { useT } from "~/lib/i18n/react";

export function AdminNav() {
  const t = useT();
  return (
    <nav aria-label={t("nav.admin")} className="pionieri-subnav">
      <NavLink to="/admin/utenti">{t("nav.adminUsers")}</NavLink>
      <NavLink to="/admin/gruppi">{t("nav.adminGroups")}</NavLink>
      <NavLink to="/admin/temi">{t("nav.adminTags")}</NavLink>
      <NavLink to="/admin/posta">{t("nav.adminMail")}</NavLink>
      <NavLink to="/admin/webhook">{t("nav.adminWebhooks")}</NavLink>
      <NavLink to="/admin/allegati">{t("nav.adminFiles")}</NavLink>
      <NavLink to="/admin/privacy">{t("nav.adminPrivacy")}</NavLink>
    </nav>
  );
}

import { Form, Link, useLocation, useMatches } from "@remix-run/react";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { CachedFragment } from "~/components/cached-fragment";
import { can } from "~/domain/policy-shared";
import { formatDate } from "~/lib/dates";
import { useLocale, useT } from "~/lib/i18n/react";
import { UNREAD_SHOWN, useRootData, type RootData } from "~/lib/root-data";

/** The page frame: skip link, header with navigation, phase banner, flash message, footer. */
export function Layout({ children }: { children: ReactNode }) {
  const t = useT();
  const locale = useLocale();
  const data = useRootData();
  const user = data?.user ?? null;
  const location = useLocation();
  // Citizens' survey pages (issue 15): "public" hides the intranet's doors, "kiosk" every way out.
  const chrome = useMatches().reduce<string | undefined>(
    (found, match) => (match.handle as { chrome?: string } | undefined)?.chrome ?? found,
    undefined,
  );
  const isAdmin = can(user?.actor, "user.list");
  useFocusMainOnNavigation(location.key, location.hash);
  const flash = useFlash(data?.flash ?? null, location.key);

  const moderates = isAdmin || (user?.actor.leaderOf.length ?? 0) > 0;
  const links =
    user && !chrome
      ? [
          { to: "/", label: t("nav.home"), end: true },
          { to: "/idee", label: t("nav.ideas"), end: false },
          { to: "/gruppi", label: t("nav.groups"), end: false },
          { to: "/crono-programma", label: t("nav.timeline"), end: false },
          { to: "/cabina-di-regia", label: t("nav.board"), end: false },
          { to: "/rilevazioni", label: t("nav.observe"), end: false },
          { to: "/sfide", label: t("nav.challenges"), end: false },
          { to: "/sondaggi", label: t("nav.polls"), end: false },
          ...(moderates ? [{ to: "/moderazione", label: t("nav.moderation"), end: false }] : []),
          // Its first page is the users' list; it stands for every page of the administration.
          ...(isAdmin ? [{ to: "/admin/utenti", label: t("nav.admin"), end: false, section: "/admin" }] : []),
        ]
      : [];
  const unread = data?.unread ?? 0;

  const brand = (
    <>
      <svg className="pionieri-logo" viewBox="0 0 48 48" aria-hidden="true" focusable="false">
        <circle cx="24" cy="24" r="22" fill="none" stroke="currentColor" strokeWidth="3" />
        <path d="M14 32 L24 12 L34 32 Z" fill="currentColor" />
        <circle cx="24" cy="36" r="3" fill="currentColor" />
      </svg>
      <div className="it-brand-text">
        <div className="it-brand-title">
          {t("app.owner")} · {t("app.name")}
        </div>
        <div className="it-brand-tagline">{t("app.tagline")}</div>
      </div>
    </>
  );

  if (chrome === "kiosk")
    return (
      <main id="contenuto" tabIndex={-1} className="container my-4">
        {children}
      </main>
    );

  return (
    <>
      <div className="skiplinks">
        <a className="visually-hidden-focusable" href="#contenuto">
          {t("nav.skip")}
        </a>
        {user ? (
          <a className="visually-hidden-focusable" href="#navigazione">
            {t("nav.skipNav")}
          </a>
        ) : null}
      </div>
      <header className="it-header-wrapper pionieri-header">
        <div className="it-header-slim-wrapper">
          <div className="container">
            <div className="it-header-slim-wrapper-content">
              <span className="navbar-brand">
                {t("app.owner")} · {t("app.project")}
              </span>
              <div className="pionieri-usermenu">
                {chrome ? null : user ? (
                  <>
                    <Link to="/notifiche" className="pionieri-slim-link">
                      {t("nav.notifications")}
                      {unread > 0 ? (
                        <>
                          {" "}
                          <span className="pionieri-counter" aria-hidden="true">
                            {unread > UNREAD_SHOWN ? `${UNREAD_SHOWN}+` : unread}
                          </span>
                          <span className="visually-hidden">
                            {unread > UNREAD_SHOWN
                              ? t("nav.unreadMany", { count: UNREAD_SHOWN })
                              : t(unread === 1 ? "nav.unreadOne" : "nav.unread", { count: unread })}
                          </span>
                        </>
                      ) : null}
                    </Link>
                    <Link
                      to="/profilo"
                      className="pionieri-slim-link"
                      aria-label={t("nav.loggedAs", { name: user.displayName })}
                    >
                      {user.displayName}
                    </Link>
                    <Form method="post" action="/logout" className="d-inline">
                      <button type="submit" className="pionieri-slim-button">
                        {t("nav.logout")}
                      </button>
                    </Form>
                  </>
                ) : location.pathname !== "/login" ? (
                  <Link to="/login" className="pionieri-slim-link">
                    {t("nav.login")}
                  </Link>
                ) : null}
              </div>
            </div>
          </div>
        </div>
        <div className="it-header-center-wrapper">
          <div className="container">
            <div className="it-header-center-content-wrapper">
              <div className="it-brand-wrapper">
                {/* A citizen's page does not lead into the intranet (issue 15). */}
                {chrome ? <div className="pionieri-brand">{brand}</div> : <Link to="/">{brand}</Link>}
              </div>
            </div>
          </div>
        </div>
        {links.length > 0 ? (
          <nav id="navigazione" className="pionieri-nav" aria-label={t("nav.main")}>
            {/* Twice ten links, the same for everyone with these links on this section of the site:
                a page drawn by the server keeps them as markup (decision 0037). */}
            <CachedFragment
              name={`nav|${locale}|${links.map((link) => link.to).join(" ")}|${currentLinks(links, location.pathname)}`}
              version="1"
              className="container"
            >
              <details className="pionieri-nav-toggle">
                <summary>{t("nav.menu")}</summary>
                <NavList links={links} pathname={location.pathname} />
              </details>
              <NavList links={links} pathname={location.pathname} className="pionieri-nav-wide" />
            </CachedFragment>
          </nav>
        ) : null}
      </header>
      {user && data?.phase && !chrome ? (
        <div className="pionieri-phase" role="note">
          <div className="container">
            <strong>{t("phase.banner", { name: data.phase.name })}</strong>{" "}
            <span>{t("phase.until", { date: formatDate(data.phase.endsOn, locale) })}</span>
          </div>
        </div>
      ) : null}
      <main id="contenuto" tabIndex={-1} className="container my-4">
        {flash ? (
          <div className={`alert alert-${flash.tone}`} role="status">
            {flash.text}
          </div>
        ) : null}
        {children}
      </main>
      <footer className="it-footer pionieri-footer">
        <div className="container py-4">
          <p className="mb-2">{t("footer.project")}</p>
          <ul className="pionieri-footer-links">
            <li>
              <Link to="/accessibilita">{t("nav.accessibility")}</Link>
            </li>
            <li>
              <Link to="/privacy">{t("nav.privacy")}</Link>
            </li>
            {user && !chrome ? (
              <li>
                <Link to="/profilo">{t("nav.profile")}</Link>
              </li>
            ) : null}
          </ul>
        </div>
      </footer>
    </>
  );
}

type NavItem = { to: string; label: string; end: boolean; section?: string };

/**
 * Whether a link of the navigation stands for the page at `pathname`: NavLink's own rule (the same
 * path, or a path below it unless `end`; letters' case aside), on the link's section when it has
 * one (the administration's link leads to its first page and stands for all of them).
 */
function isCurrent({ to, end, section = to }: NavItem, pathname: string) {
  const at = pathname.toLowerCase();
  return at === to || at === section || (!end && at.startsWith(section) && at.charAt(section.length) === "/");
}

/** The links marked as current at `pathname`: part of the kept navigation's key. */
function currentLinks(links: readonly NavItem[], pathname: string) {
  return links
    .filter((link) => isCurrent(link, pathname))
    .map(({ to }) => to)
    .join(" ");
}

function NavList({ links, pathname, className = "" }: { links: NavItem[]; pathname: string; className?: string }) {
  return (
    <ul className={`pionieri-nav-list ${className}`}>
      {links.map((link) => {
        const current = isCurrent(link, pathname);
        return (
          <li key={link.to}>
            <Link
              to={link.to}
              prefetch="intent"
              aria-current={current ? "page" : undefined}
              className={current ? "active" : ""}
            >
              {link.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}

/**
 * After a client-side navigation, focus goes to the main content, as after a full page load
 * a screen reader would start there; the first render (a real page load) is left alone.
 */
function useFocusMainOnNavigation(key: string, hash: string) {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (!hash) document.getElementById("contenuto")?.focus({ preventScroll: true });
  }, [key, hash]);
}

type Flash = NonNullable<RootData["flash"]>;

/**
 * The flash message stays for the whole visit of the page it was meant for: a later
 * revalidation of the root loader (after a fetcher, say) finds the cookie already used and
 * would otherwise wipe it. A new navigation shows whatever the new page brought.
 */
function useFlash(current: Flash | null, locationKey: string) {
  const [shown, setShown] = useState({ key: locationKey, flash: current });
  if (shown.key !== locationKey || (current && JSON.stringify(current) !== JSON.stringify(shown.flash))) {
    setShown({ key: locationKey, flash: current });
  }
  return shown.key === locationKey ? shown.flash : current;
}

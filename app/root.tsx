import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import {
  isRouteErrorResponse,
  type ShouldRevalidateFunction,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useMatches,
  useRouteError,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { ErrorPage } from "./components/error-page";
import { Layout as Shell } from "./components/layout";
import { useNonce } from "./components/nonce";
import { currentPhase } from "./domain/timeline.server";
import { env } from "./lib/env.server";
import { readFlash } from "./lib/flash.server";
import { DEFAULT_LOCALE, hydrates, isLocale, translator, type Locale } from "./lib/i18n";
import { pageTitle, retryAfterHeaders } from "./lib/meta";
import { useRootData, type RootData } from "./lib/root-data";
import styles from "./styles/generated/main.css";

const FONTS = ["regular", "700", "600", "italic"] as const;

export const links: LinksFunction = () => [
  // Every weight and style the pages use (text, 600 and 700 headings, italics), so that with
  // font-display: optional no heading or emphasis falls back to Arial on a first visit.
  ...FONTS.map((file) => ({
    rel: "preload",
    href: `/fonts/titillium-web-v10-latin-ext_latin-${file}.woff2`,
    as: "font",
    type: "font/woff2",
    crossOrigin: "anonymous" as const,
  })),
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

/** The title of error pages (a route's own meta is not used when it fails). */
export const meta: MetaFunction<typeof loader> = ({ error, matches }) => {
  if (!error) return [{ title: "Pionieri" }];
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const key =
    status === 404
      ? "error.notFoundTitle"
      : status === 403
        ? "error.forbiddenTitle"
        : status === 429
          ? "error.tooManyTitle"
          : "error.genericTitle";
  return pageTitle(matches, key);
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = context.auth.user;
  const [{ flash, clear }, phase] = await Promise.all([readFlash(request), user ? currentPhase() : null]);
  // Without an account (the citizens' survey pages) the address may ask for a language: ?lang=en.
  const asked = new URL(request.url).searchParams.get("lang");
  const locale: Locale = user?.locale ?? (isLocale(asked) ? asked : DEFAULT_LOCALE);
  return json<RootData>(
    {
      locale,
      demo: env.demo,
      // Translated here: a message may come from another part of the site than the page's
      // (its Italian part need not be in this page's JavaScript).
      flash: flash ? { tone: flash.tone, text: translator(locale)(flash.key, flash.params) } : null,
      phase: phase ? { ...phase, endsOn: phase.endsOn.toISOString() } : null,
      unread: user?.unreadNotices ?? 0,
      user: user ? { id: user.id, displayName: user.displayName, role: user.role, actor: user.actor } : null,
    },
    clear ? { headers: { "Set-Cookie": clear } } : undefined,
  );
}

/** A thrown 429 is rendered by this route's error boundary, so its Retry-After passes here. */
export const headers = retryAfterHeaders;

/**
 * The Markdown preview asks the server while one types: no need to reload the whole page's data.
 * Nor when the browser hands the next address to the server as a document (the catch-all route,
 * whose splat parameter the next params carry; routes/$.tsx): the document reads the data itself,
 * and reading it here first would spend the flash message it carries.
 */
export const shouldRevalidate: ShouldRevalidateFunction = ({ formAction, nextParams, defaultShouldRevalidate }) =>
  formAction === "/idee/anteprima" || "*" in nextParams ? false : defaultShouldRevalidate;

export function Layout({ children }: { children: ReactNode }) {
  const data = useRootData();
  const nonce = useNonce();
  const scripts = hydrates(useMatches());
  return (
    <html lang={data?.locale ?? DEFAULT_LOCALE}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light" />
        <Meta />
        <Links />
      </head>
      <body>
        <Shell>{children}</Shell>
        {scripts ? (
          <>
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
          </>
        ) : null}
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  if (isRouteErrorResponse(error)) return <ErrorPage status={error.status} data={error.data} />;
  return <ErrorPage status={500} />;
}

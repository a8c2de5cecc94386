import { createRequire } from "node:module";
import { createElement, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import type * as RemixReact from "@remix-run/react";
import type * as RouterDom from "react-router-dom";
import type * as RouterDomServer from "react-router-dom/server";
import { describe, expect, it } from "vitest";

/**
 * Our patch of @remix-run/react (patches/, decision 0046): on the server, a Link to a path and a
 * Form with a path for action are drawn without the router. They must be byte for byte what
 * Remix and react-router-dom draw, or the browser would hydrate other markup than it expects.
 * Required as the server requires them: the CommonJS builds, the ones patched.
 */
const require = createRequire(import.meta.url);
const {
  Form,
  Link,
  NavLink,
  Outlet,
  UNSAFE_PlainElementsContext: Plain,
} = require("@remix-run/react") as typeof RemixReact;
const { UNSAFE_LocationContext: LocationContext } = require("react-router-dom") as typeof RouterDom;
const { createStaticHandler, createStaticRouter, StaticRouterProvider } =
  require("react-router-dom/server") as typeof RouterDomServer;

/** A router at /idee/7 whose innermost route, an index route, draws the element. */
const routesWith = (element: ReactElement) => [
  {
    path: "/",
    element: createElement(Outlet),
    children: [{ path: "idee/:id", element: createElement(Outlet), children: [{ index: true, element }] }],
  },
];

/** The element as the server draws it, without the router (plain) or through it. */
async function draw(element: ReactElement, plain: boolean) {
  const handler = createStaticHandler(routesWith(element));
  const context = await handler.query(new Request("http://pionieri.test/idee/7?commenti=tutti"));
  if (context instanceof Response) throw new Error("unexpected response");
  const router = createStaticRouter(handler.dataRoutes, context);
  return renderToStaticMarkup(
    createElement(
      Plain.Provider,
      { value: plain },
      createElement(StaticRouterProvider, { router, context, hydrate: false }),
    ),
  );
}

/** Outside any router: Remix's own components cannot draw there, the plain ones can. */
const alone = (element: ReactElement) => renderToStaticMarkup(element);

const drawnPlain: [string, ReactElement][] = [
  ["a link to a path", createElement(Link, { to: "/idee/7" }, "L'idea")],
  [
    "a link with its query, fragment, class, label and prefetch",
    createElement(
      Link,
      { to: "/idee/7?commenti=tutti#comments-title", className: "btn", "aria-label": "Tutti", prefetch: "intent" },
      "Tutti i commenti",
    ),
  ],
  ["a link drawn at once with its prefetch", createElement(Link, { to: "/gruppi", prefetch: "render" }, "G")],
  ["a link with a trailing slash", createElement(Link, { to: "/gruppi/" }, "G")],
  ["the root", createElement(Link, { to: "/" }, "Home")],
  ["a segment that starts with dots", createElement(Link, { to: "/file/..x/.y" }, "F")],
  ["a fragment with a '?' in it", createElement(Link, { to: "/idee#a?b" }, "F")],
  ["a link with spaces and accents", createElement(Link, { to: "/persone/mària rossi?q=a b&c=é" }, "P")],
  ["a link to a new tab", createElement(Link, { to: "/allegati/9", target: "_blank", rel: "noopener" }, "A")],
  ["a link that replaces the history", createElement(Link, { to: "/gruppi", replace: true, state: { a: 1 } }, "G")],
  ["a link that reloads the document", createElement(Link, { to: "/logout", reloadDocument: true }, "Esci")],
  ["a link not to discover", createElement(Link, { to: "/idee", discover: "none" }, "I")],
  [
    "a form that posts",
    createElement(Form, { method: "post", action: "/idee/7", preventScrollReset: true, className: "x" }, "F"),
  ],
  ["a form in capitals", createElement(Form, { method: "POST", action: "/logout" }, "Esci")],
  ["a form with no method", createElement(Form, { action: "/idee", role: "search" }, "Cerca")],
  [
    "a form that sends files",
    createElement(Form, { method: "post", action: "/idee/7/allegati", encType: "multipart/form-data" }, "File"),
  ],
  ["another method", createElement(Form, { method: "delete", action: "/idee/7?x=1" }, "D")],
  ["a form that reloads the document", createElement(Form, { method: "post", action: "/x", reloadDocument: true }, "")],
];

/** NavLinks, at /idee/7 (the router's location): active or not by NavLink's own rule. */
const navDrawnPlain: [string, ReactElement][] = [
  ["a section of the current page", createElement(NavLink, { to: "/idee", prefetch: "intent" }, "Idee")],
  ["the same section, to its end only", createElement(NavLink, { to: "/idee", end: true }, "Idee")],
  ["the current page, to its end", createElement(NavLink, { to: "/idee/7", end: true }, "Questa")],
  ["another section", createElement(NavLink, { to: "/gruppi", prefetch: "intent" }, "Gruppi")],
  ["a section with a trailing slash", createElement(NavLink, { to: "/idee/" }, "Idee")],
  ["the root, which is not every page's section", createElement(NavLink, { to: "/" }, "Home")],
  ["a section in capitals", createElement(NavLink, { to: "/IDEE" }, "Idee")],
  ["a section in capitals, case counted", createElement(NavLink, { to: "/IDEE", caseSensitive: true }, "Idee")],
  ["a prefix that is not a segment", createElement(NavLink, { to: "/ide" }, "Ide")],
  ["a segment that starts with a dot", createElement(NavLink, { to: "/idee/.7" }, "Punto")],
  [
    "its own class, label and aria-current",
    createElement(NavLink, { to: "/idee", className: "nav-link", "aria-current": "step", title: "Le idee" }, "I"),
  ],
  [
    "class, style and children as functions",
    createElement(NavLink, {
      to: "/idee",
      className: ({ isActive, isPending }) => `a-${isActive} p-${isPending}`,
      style: ({ isActive }) => ({ fontWeight: isActive ? 700 : 400 }),
      children: ({ isActive, isTransitioning }) => `attiva ${isActive} ${isTransitioning}`,
    }),
  ],
  [
    "a new tab, a reload, nothing to discover",
    createElement(NavLink, { to: "/gruppi", target: "_blank", reloadDocument: true, discover: "none" }, "G"),
  ],
];

/** Links to a query alone, at /idee/7: to the location's own path. */
const queryDrawnPlain: [string, ReactElement][] = [
  ["a link to a query alone", createElement(Link, { to: "?pagina=2" }, "2")],
  [
    "a query with its class and encoded words",
    createElement(Link, { to: "?q=sportello+attese&sort=recenti", className: "active", "aria-current": "true" }, "R"),
  ],
  ["a query not written by URLSearchParams", createElement(Link, { to: "?q=a b&c=é" }, "Q")],
];

const queryThroughRouter: [string, ReactElement][] = [
  ["a bare '?'", createElement(Link, { to: "?" }, "Q")],
  ["a query with a fragment", createElement(Link, { to: "?pagina=2#elenco" }, "Q")],
];

const navThroughRouter: [string, ReactElement][] = [
  ["a NavLink with a query", createElement(NavLink, { to: "/idee?q=1" }, "Q")],
  ["a relative NavLink", createElement(NavLink, { to: "modifica" }, "M")],
  ["a NavLink with a '..' segment", createElement(NavLink, { to: "/idee/../gruppi" }, "G")],
  ["a NavLink with a double slash", createElement(NavLink, { to: "/idee//7" }, "G")],
  ["a NavLink the location's encoding would change", createElement(NavLink, { to: "/persone/mària" }, "P")],
  ["a NavLink given as an object", createElement(NavLink, { to: { pathname: "/idee" } }, "O")],
];

/** With a location and nothing else of the router: only what the patch draws plain can draw there. */
const atLocationOnly = (element: ReactElement) =>
  renderToStaticMarkup(
    createElement(
      LocationContext.Provider,
      {
        value: {
          location: { pathname: "/idee/7", search: "?commenti=tutti", hash: "", state: null, key: "default" },
          navigationType: "POP" as never,
        },
      },
      element,
    ),
  );

const throughRouter: [string, ReactElement][] = [
  ["a relative link", createElement(Link, { to: "modifica" }, "M")],
  ["a link with a '..' segment", createElement(Link, { to: "/idee/../gruppi" }, "G")],
  ["a link with a '.' segment", createElement(Link, { to: "/idee/./7" }, "G")],
  ["a link ending in '..'", createElement(Link, { to: "/idee/.." }, "G")],
  ["a link with '..' before its query", createElement(Link, { to: "/idee/..?q=1" }, "G")],
  ["a link ending in a bare '#'", createElement(Link, { to: "/idee#" }, "G")],
  ["a link with a bare '?' before its fragment", createElement(Link, { to: "/idee?#x" }, "G")],
  ["a link with a double slash", createElement(Link, { to: "/idee//7" }, "G")],
  ["a link ending in a bare '?'", createElement(Link, { to: "/idee?" }, "G")],
  ["a link to another site", createElement(Link, { to: "//example.org/x" }, "X")],
  ["a link given as an object", createElement(Link, { to: { pathname: "/idee", search: "?q=1" } }, "O")],
  ["a form without an action (it posts to its own route)", createElement(Form, { method: "post" }, "F")],
  ["a form to '.'", createElement(Form, { method: "post", action: "." }, "F")],
];

describe("links and forms drawn on the server without the router", () => {
  it.each(drawnPlain)("%s: byte for byte what Remix draws", async (_, element) => {
    expect(await draw(element, true)).toBe(await draw(element, false));
    // Drawn without the router: it draws even where there is none.
    expect(alone(element)).toBe(await draw(element, false));
  });

  it.each(throughRouter)("%s: left to the router, which resolves it", async (_, element) => {
    expect(await draw(element, true)).toBe(await draw(element, false));
    expect(() => alone(element)).toThrow();
  });

  it.each([...navDrawnPlain, ...queryDrawnPlain])("%s: byte for byte what Remix draws", async (_, element) => {
    const drawn = await draw(element, false);
    expect(await draw(element, true)).toBe(drawn);
    // Drawn with the location alone: none of the rest of the router.
    expect(atLocationOnly(element)).toBe(drawn);
  });

  it.each([...navThroughRouter, ...queryThroughRouter])("%s: left to the router", async (_, element) => {
    expect(await draw(element, true)).toBe(await draw(element, false));
    expect(() => atLocationOnly(element)).toThrow();
  });

  it("a query alone goes to the location's own path", async () => {
    const link = await draw(createElement(Link, { to: "?pagina=2" }, "2"), true);
    expect(link).toBe('<a data-discover="true" href="/idee/7?pagina=2">2</a>');
  });

  it("a NavLink is active as the router says", async () => {
    const section = await draw(createElement(NavLink, { to: "/idee" }, "Idee"), true);
    expect(section).toBe('<a data-discover="true" aria-current="page" class="active" href="/idee">Idee</a>');
    const other = await draw(createElement(NavLink, { to: "/gruppi" }, "Gruppi"), true);
    expect(other).toBe('<a data-discover="true" class="" href="/gruppi">Gruppi</a>');
  });

  it("a form without an action still posts to its own index route, as the router says", async () => {
    const form = await draw(createElement(Form, { method: "post" }, "F"), true);
    expect(form).toContain('action="/idee/7?index&amp;commenti=tutti"');
  });
});

describe("the head's <link>s kept per set of routes (patches/, decision 0046)", () => {
  type Keyed = { key: string; link: Record<string, string> }[];
  const { getKeyedLinksForMatches } = require("@remix-run/react/dist/links.js") as {
    getKeyedLinksForMatches: (matches: unknown[], modules: unknown, manifest: unknown) => Keyed;
  };
  const manifest = {
    routes: {
      root: { module: "/build/root.js", imports: ["/build/_shared/a.js"], css: ["/build/root.css"] },
      ideas: { module: "/build/ideas.js", imports: ["/build/_shared/a.js", "/build/_shared/b.js"] },
      idea: { module: "/build/idea.js" },
    },
  };
  const modules = () => ({
    root: {
      links: () => [
        { rel: "stylesheet", href: "/build/main.css" },
        { rel: "icon", href: "/favicon.svg" },
      ],
    },
    ideas: {
      links: () => [
        { rel: "preload", as: "script", href: "/build/_shared/b.js" },
        { rel: "icon", href: "/favicon.svg" },
      ],
    },
    idea: {},
  });
  const matches = (...ids: string[]) => ids.map((id) => ({ route: { id } }));

  it("gives each set of routes its links as Remix computes them, once", () => {
    const ideas = getKeyedLinksForMatches(matches("root", "ideas"), modules(), manifest);
    expect(ideas.map(({ link }) => link.href)).toEqual(["/build/root.css", "/build/main.css", "/favicon.svg"]);
    expect(ideas[0]!.key).toBe('{"href":"/build/root.css","rel":"stylesheet"}');
    // The next page with the same routes (a new routeModules object at each request): the same list.
    expect(getKeyedLinksForMatches(matches("root", "ideas"), modules(), manifest)).toBe(ideas);
    const idea = getKeyedLinksForMatches(matches("root", "idea"), modules(), manifest);
    expect(idea.map(({ link }) => link.href)).toEqual(["/build/root.css", "/build/main.css", "/favicon.svg"]);
    expect(idea).not.toBe(ideas);
    // Another build's manifest is another set of links.
    const rebuilt = { routes: { ...manifest.routes, root: { module: "/build/root2.js", css: ["/build/root2.css"] } } };
    expect(getKeyedLinksForMatches(matches("root", "idea"), modules(), rebuilt)[0]!.link.href).toBe("/build/root2.css");
  });
});

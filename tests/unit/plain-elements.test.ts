import { createRequire } from "node:module";
import { createElement, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import type * as RemixReact from "@remix-run/react";
import type * as RouterDomServer from "react-router-dom/server";
import { describe, expect, it } from "vitest";

/**
 * Our patch of @remix-run/react (patches/, decision 0046): on a page that loads no JavaScript,
 * Remix's Link and Form to a path are drawn as plain elements. They must be the same elements,
 * attribute for attribute, as Remix draws (the router's `data-discover` aside, which only the
 * browser's router reads). Required as the server requires them: the CommonJS builds, the ones
 * patched.
 */
const require = createRequire(import.meta.url);
const { Form, Link, UNSAFE_PlainElementsContext: Plain } = require("@remix-run/react") as typeof RemixReact;
const { createStaticHandler, createStaticRouter, StaticRouterProvider } =
  require("react-router-dom/server") as typeof RouterDomServer;

const routes = [{ id: "root", path: "/", children: [{ id: "idea", path: "idee/:id", element: null }] }];

/** The element as the server draws it inside the app's router, at /idee/7, plain or not. */
async function draw(element: ReactElement, plain: boolean) {
  const handler = createStaticHandler(routes);
  const context = await handler.query(new Request("http://pionieri.test/idee/7?commenti=tutti"));
  if (context instanceof Response) throw new Error("unexpected response");
  const router = createStaticRouter(
    handler.dataRoutes.map((route) => ({ ...route, element: element })),
    context,
  );
  return renderToStaticMarkup(
    createElement(
      Plain.Provider,
      { value: plain },
      createElement(StaticRouterProvider, { router, context, hydrate: false }),
    ),
  );
}

/** Each tag's attributes in one order, without the router's own `data-discover`. */
const normal = (html: string) =>
  html
    .replace(/ data-discover="true"/g, "")
    .replace(/<(\w+)((?:\s[\w-]+="[^"]*")*)(\s*\/?)>/g, (_, name: string, attributes: string, end: string) => {
      const sorted = (attributes.match(/\s[\w-]+="[^"]*"/g) ?? []).sort().join("");
      return `<${name}${sorted}${end}>`;
    });

const cases: [string, ReactElement][] = [
  ["a link to a path", createElement(Link, { to: "/idee/7" }, "L'idea")],
  [
    "a link with its query, fragment, class and label",
    createElement(
      Link,
      { to: "/idee/7?commenti=tutti#comments-title", className: "btn", "aria-label": "Tutti", prefetch: "intent" },
      "Tutti i commenti",
    ),
  ],
  ["a link that replaces the history", createElement(Link, { to: "/gruppi", replace: true, state: { a: 1 } }, "G")],
  [
    "a form that posts",
    createElement(Form, { method: "post", action: "/idee/7", preventScrollReset: true, className: "x" }, "F"),
  ],
  ["a form in capitals", createElement(Form, { method: "POST", action: "/logout" }, "Esci")],
  ["a form with no method", createElement(Form, { action: "/idee" }, "Cerca")],
  [
    "a form that sends files",
    createElement(Form, { method: "post", action: "/idee/7/allegati", encType: "multipart/form-data" }, "File"),
  ],
  ["another method", createElement(Form, { method: "delete", action: "/idee/7" }, "D")],
];

describe("Remix's links and forms on a page that loads no JavaScript", () => {
  it.each(cases)("%s: the same element as Remix draws, without the router's work", async (_, element) => {
    const remix = await draw(element, false);
    const plain = await draw(element, true);
    expect(normal(plain)).toBe(normal(remix));
    // Drawn by the patch, not by Remix (which marks its links and forms for the browser's router).
    expect(remix).toContain('data-discover="true"');
    expect(plain).not.toContain("data-discover");
  });

  it.each([
    ["a relative link", createElement(Link, { to: "modifica" }, "M")],
    ["a form without an action (it posts to its own route)", createElement(Form, { method: "post" }, "F")],
    ["a link to another site", createElement(Link, { to: "//example.org/x" }, "X")],
  ])("%s: left to Remix, which resolves it", async (_, element) => {
    const plain = await draw(element, true);
    expect(plain).toBe(await draw(element, false));
  });
});

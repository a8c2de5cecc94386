import { type AppLoadContext, type EntryContext, type HandleErrorFunction } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToString } from "react-dom/server";
import { FragmentKeeperContext } from "./components/cached-fragment";
import { DrawingDataContext } from "./lib/drawing-data";
import { NonceContext } from "./components/nonce";
import { FragmentStoreContext, KeptFragment } from "./lib/kept-fragment.server";
import { fragmentsForRender } from "./lib/fragment-store.server";
import { registerCatalogue } from "./lib/i18n";
import { en } from "./lib/i18n/en";
import { it } from "./lib/i18n/it";
import { log, loggablePath } from "./lib/log.server";

// The server speaks every language, all of each; the browser loads only the page's language
// (lib/i18n/index.ts) and of Italian the parts the page uses (lib/i18n/it.ts).
registerCatalogue("it", it);
registerCatalogue("en", en);

/**
 * Renders the whole page before sending it (no deferred data here): every page is complete
 * HTML, which is what a colleague without JavaScript and a screen reader need. With nothing to
 * stream, one string is cheaper than React's stream turned into a web stream and back into
 * Node's (docs/decisions/0016-page-rendering-and-weight.md).
 */
export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce;
  const fragments = fragmentsForRender();
  const html = renderToString(
    <NonceContext.Provider value={nonce}>
      <FragmentStoreContext.Provider value={fragments.store}>
        <FragmentKeeperContext.Provider value={KeptFragment}>
          <DrawingDataContext.Provider value={loadContext.drawingData ?? null}>
            <RemixServer context={remixContext} url={request.url} nonce={nonce} />
          </DrawingDataContext.Provider>
        </FragmentKeeperContext.Provider>
      </FragmentStoreContext.Provider>
    </NonceContext.Provider>,
  );
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  // As bytes: a string body is checked character by character (USVString) on its way in.
  return new Response(fragments.body(`<!DOCTYPE html>${html}`), {
    headers: responseHeaders,
    status: responseStatusCode,
  });
}

/** Unexpected errors are logged once, without the request's cookies or body. */
export const handleError: HandleErrorFunction = (error, { request }) => {
  if (request.signal.aborted) return;
  const path = loggablePath(new URL(request.url).pathname);
  log.error({ err: error, method: request.method, path }, `Errore su ${request.method} ${path}`);
};

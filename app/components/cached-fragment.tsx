import { useMatches, UNSAFE_RemixContext as RemixContext } from "@remix-run/react";
import { createContext, useContext, type ReactElement, type ReactNode } from "react";
import {
  UNSAFE_DataRouterContext as DataRouterContext,
  UNSAFE_DataRouterStateContext as DataRouterStateContext,
  UNSAFE_LocationContext as LocationContext,
  UNSAFE_NavigationContext as NavigationContext,
  UNSAFE_RouteContext as RouteContext,
} from "react-router-dom";
import { hydrates } from "~/lib/i18n";

/**
 * The server's store of rendered fragments (entry.server.tsx gives one to each render; the
 * browser has none): what to put in the page for the part `name` as drawn for `version`,
 * rendered by `render` when the kept one is missing or older.
 */
export type FragmentStore = (name: string, version: string, render: () => ReactElement) => string;
export const FragmentStoreContext = createContext<FragmentStore | null>(null);

/**
 * A part of a page drawn once and kept as HTML while what it shows is unchanged: for charts and
 * long tables that every colleague gets alike (the crono-programma draws hundreds of objectives
 * three times). `name` says which part and view (the filters, the day, the language: everything
 * but the data); `version` what it shows (the content version, from the loader). One kept
 * drawing per name: a newer version replaces it.
 *
 * Only on pages that ship no JavaScript (handle.hydrate false): kept markup is static HTML, which
 * React could not hydrate. A page that hydrates, or a click in the browser, draws the children
 * as usual, inside the same element.
 */
export function CachedFragment({
  name,
  version,
  className,
  children,
}: {
  name: string;
  version: string;
  className?: string;
  children: ReactNode;
}) {
  const store = useContext(FragmentStoreContext);
  const matches = useMatches();
  // What the children's hooks read (the translator reads the matches and the root's data): the
  // kept markup is rendered apart from the page, so the router's contexts go with it.
  const contexts = {
    remix: useContext(RemixContext),
    router: useContext(DataRouterContext),
    state: useContext(DataRouterStateContext),
    navigation: useContext(NavigationContext),
    location: useContext(LocationContext),
    route: useContext(RouteContext),
  };
  if (!store || hydrates(matches)) return <div className={className}>{children}</div>;
  const html = store(name, version, () => (
    <RemixContext.Provider value={contexts.remix}>
      <DataRouterContext.Provider value={contexts.router}>
        <DataRouterStateContext.Provider value={contexts.state}>
          <NavigationContext.Provider value={contexts.navigation}>
            <LocationContext.Provider value={contexts.location}>
              <RouteContext.Provider value={contexts.route}>{children}</RouteContext.Provider>
            </LocationContext.Provider>
          </NavigationContext.Provider>
        </DataRouterStateContext.Provider>
      </DataRouterContext.Provider>
    </RemixContext.Provider>
  ));
  return <div className={className} dangerouslySetInnerHTML={{ __html: html }} />;
}

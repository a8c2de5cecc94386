import { useMatches, UNSAFE_RemixContext as RemixContext } from "@remix-run/react";
import { createContext, useContext, type ReactNode } from "react";
import {
  UNSAFE_DataRouterContext as DataRouterContext,
  UNSAFE_DataRouterStateContext as DataRouterStateContext,
  UNSAFE_LocationContext as LocationContext,
  UNSAFE_NavigationContext as NavigationContext,
  UNSAFE_RouteContext as RouteContext,
} from "react-router-dom";
import type { fragmentsForRender } from "~/lib/fragment-store.server";
import { hydrates } from "~/lib/i18n";

/** This render's store (entry.server.tsx): what to put in the page for a kept part. */
type Store = ReturnType<typeof fragmentsForRender>["store"];
export const FragmentStoreContext = createContext<Store | null>(null);

/**
 * components/cached-fragment.tsx as the server draws it: the kept markup of the part, or the
 * part drawn live on a page that hydrates (React could not hydrate markup it did not draw).
 */
export function KeptFragment({
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

import { createContext, useContext, type ComponentType, type ReactNode } from "react";

type FragmentProps = {
  /** Which part and view: the filters, the day, the language (everything but the data). */
  name: string;
  /** What it shows: the content version, from the loader. */
  version: string;
  className?: string;
  children: ReactNode;
};

/**
 * How the server draws a kept fragment (lib/kept-fragment.server.tsx, handed down by
 * entry.server.tsx): the browser has none, so its bundle carries only the element below.
 */
export const FragmentKeeperContext = createContext<ComponentType<FragmentProps> | null>(null);

/**
 * A part of a page drawn once and kept as HTML while what it shows is unchanged: for charts and
 * long tables that every colleague gets alike (the crono-programma draws hundreds of objectives
 * three times). One kept drawing per name: a newer version replaces it.
 *
 * Only on pages that ship no JavaScript (handle.hydrate false): kept markup is static HTML, which
 * React could not hydrate. A page that hydrates, or a click in the browser, draws the children
 * as usual, inside the same element.
 */
export function CachedFragment(props: FragmentProps) {
  const Keeper = useContext(FragmentKeeperContext);
  // One component for the whole process (entry.server.tsx), not one made at each render.
  // eslint-disable-next-line react-hooks/static-components
  if (Keeper) return <Keeper {...props} />;
  return <div className={props.className}>{props.children}</div>;
}

import { createContext, useContext } from "react";

/**
 * Data a loader leaves for the server's drawing of its page's kept fragments
 * (components/cached-fragment.tsx), passed from the loader to the component without the JSON that
 * carries loader data: a JSON text made, turned into bytes, read back and parsed again at every
 * request, though the fragment is drawn once per version (decision 0041). Only on pages drawn by
 * the server (handle.hydrate false): the browser never draws them.
 */

/** This request's data for drawing, by slot: entry.server.tsx hands down the load context's. */
export const DrawingDataContext = createContext<ReadonlyMap<string, unknown> | null>(null);

/** A slot of data for drawing, named once per page; its type travels with it. */
export type DrawingSlot<T> = { name: string; value?: T };

export function drawingSlot<T>(name: string): DrawingSlot<T> {
  return { name };
}

/** The data the loader left in this slot (lib/drawing-data.server.ts). */
export function useDrawingData<T>(slot: DrawingSlot<T>): T {
  const data = useContext(DrawingDataContext);
  if (!data?.has(slot.name))
    throw new Error(`Nessun dato per il disegno «${slot.name}»: la pagina si disegna solo sul server.`);
  return data.get(slot.name) as T;
}

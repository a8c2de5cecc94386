import type { AppLoadContext } from "@remix-run/node";
import type { DrawingSlot } from "./drawing-data";

/**
 * A loader leaves `value` for the drawing of its page's kept fragments (useDrawingData in
 * lib/drawing-data.ts), in this request's load context: it does not travel in the loader's JSON
 * (decision 0041). What the page draws live goes in the JSON as before.
 */
export function leaveForDrawing<T>(context: AppLoadContext, slot: DrawingSlot<T>, value: T) {
  (context.drawingData ??= new Map()).set(slot.name, value);
}

import { Fragment, type ReactNode } from "react";
import type { MessageKey, Translate } from "./index";

/**
 * A sentence with what people wrote in it (names, titles, reasons): each parameter in its own
 * <bdi>, so that no text can reorder the words around it, whatever characters it holds. Stored
 * text is already clean (lib/text.ts); this also holds for what was written before, and for
 * snapshots, which are never rewritten. A parameter may be an element (a link to the idea).
 */
export function isolate(t: Translate, key: MessageKey, params: Record<string, ReactNode>): ReactNode {
  const parts = t(key).split(/\{(\w+)\}/);
  return parts.map((part, index) =>
    index % 2 === 0 ? (
      <Fragment key={index}>{part}</Fragment>
    ) : Object.hasOwn(params, part) ? (
      <bdi key={index}>{params[part]}</bdi>
    ) : (
      <Fragment key={index}>{`{${part}}`}</Fragment>
    ),
  );
}

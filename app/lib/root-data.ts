import { useRouteLoaderData } from "@remix-run/react";
import type { Actor, Role } from "./actor";
import type { Locale } from "./i18n";

export type FlashTone = "success" | "info" | "warning";

/** The header's bell counts unread notices up to this, then says "99+" (the session's statement counts one more). */
export const UNREAD_SHOWN = 99;

/**
 * What the root loader (app/root.tsx) gives every page: the reader's language, the flash message
 * already translated, the current phase, the unread notices and who is signed in. Declared here,
 * apart from the loader, so that the frame and the translator read it without importing the root.
 */
export type RootData = {
  locale: Locale;
  demo: boolean;
  /** The flash message, translated by the server (it may come from another part of the site). */
  flash: { tone: FlashTone; text: string } | null;
  phase: { id: string; name: string; endsOn: string } | null;
  /** Unread notices, counted up to UNREAD_SHOWN + 1. */
  unread: number;
  user: { id: string; displayName: string; role: Role; actor: Actor } | null;
};

/** The root loader's data: the one place a page reads it. */
export function useRootData(): RootData | undefined {
  return useRouteLoaderData("root") as RootData | undefined;
}

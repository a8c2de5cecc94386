import { accessibility } from "./messages/accessibility";
import { account } from "./messages/account";
import { admin } from "./messages/admin";
import { board } from "./messages/board";
import { core } from "./messages/core";
import { forms } from "./messages/forms";
import { groups } from "./messages/groups";
import { idea } from "./messages/idea";
import { ideas } from "./messages/ideas";
import { meetings } from "./messages/meetings";
import { objectives } from "./messages/objectives";
import { plan } from "./messages/plan";

/**
 * The Italian catalogue is the reference: every other language must have the same keys. It is
 * kept in parts (messages/) so that a page's JavaScript carries only the parts it shows: core
 * with the frame, the others imported by the routes and components that use them (each part
 * registers itself when loaded; tests/unit/i18n-parts.test.ts checks every page has what it
 * uses). The server, which imports this file, has them all.
 */
export const it = {
  ...core,
  ...ideas,
  ...board,
  ...plan,
  ...admin,
  ...account,
  ...groups,
  ...accessibility,
  ...idea,
  ...objectives,
  ...meetings,
  ...forms,
} as const;

export type MessageKey = keyof typeof it;

/** A key of the whole catalogue, whichever parts are loaded: for server code that checks keys it is handed (flash, form schemas). */
export function isCatalogueKey(value: unknown): value is MessageKey {
  return typeof value === "string" && Object.hasOwn(it, value);
}

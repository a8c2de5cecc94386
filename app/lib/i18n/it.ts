import { accessibilityMessages } from "./messages/accessibility";
import { apiMessages } from "./messages/api";
import { webhooksMessages } from "./messages/webhooks";
import { pollsMessages } from "./messages/polls";
import { groupMeetingsMessages } from "./messages/groupMeetings";
import { challengesMessages } from "./messages/challenges";
import { accountMessages } from "./messages/account";
import { adminMessages } from "./messages/admin";
import { userImportMessages } from "./messages/userImport";
import { boardMessages } from "./messages/board";
import { coreMessages } from "./messages/core";
import { citizenMessages } from "./messages/citizen";
import { filesMessages } from "./messages/files";
import { fileRulesMessages } from "./messages/fileRules";
import { flashMessages } from "./messages/flash";
import { ideaEditMessages } from "./messages/ideaEdit";
import { observeMessages } from "./messages/observe";
import { visitMessages } from "./messages/visit";
import { formsMessages } from "./messages/forms";
import { groupsMessages } from "./messages/groups";
import { ideaMessages } from "./messages/idea";
import { ideaFormMessages } from "./messages/ideaForm";
import { evidenceMessages } from "./messages/evidence";
import { ideasMessages } from "./messages/ideas";
import { mailMessages } from "./messages/mail";
import { meetingsMessages } from "./messages/meetings";
import { objectivesMessages } from "./messages/objectives";
import { planMessages } from "./messages/plan";

/**
 * The Italian catalogue is the reference: every other language must have the same keys. It is
 * kept in parts (messages/) so that a page's JavaScript carries only the parts it shows: the core
 * with every page, the others listed by the routes that show them (in their `handle`;
 * tests/unit/i18n-parts.test.ts checks that every page lists what it uses). The server has them all.
 */
export const it = {
  ...coreMessages,
  ...ideasMessages,
  ...boardMessages,
  ...planMessages,
  ...adminMessages,
  ...userImportMessages,
  ...accountMessages,
  ...groupsMessages,
  ...accessibilityMessages,
  ...ideaMessages,
  ...ideaFormMessages,
  ...evidenceMessages,
  ...objectivesMessages,
  ...meetingsMessages,
  ...formsMessages,
  ...mailMessages,
  ...filesMessages,
  ...fileRulesMessages,
  ...flashMessages,
  ...ideaEditMessages,
  ...observeMessages,
  ...visitMessages,
  ...citizenMessages,
  ...apiMessages,
  ...webhooksMessages,
  ...pollsMessages,
  ...groupMeetingsMessages,
  ...challengesMessages,
} as const;

export type MessageKey = keyof typeof it;

/** A key of the whole catalogue, whichever parts a page has: for server code that checks keys it is handed. */
export function isCatalogueKey(value: unknown): value is MessageKey {
  return typeof value === "string" && Object.hasOwn(it, value);
}

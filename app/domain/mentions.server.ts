import { db } from "~/lib/db/client.server";
import { IDEA_LIMITS } from "./ideas";
import { mentionedHandles, renderMarkdown } from "~/lib/markdown.server";
import { handleOf } from "./people";

/**
 * Mentions (@nome.cognome) in every text a colleague writes: ideas, comments, objectives'
 * descriptions and progress notes. The Markdown is rendered once, at write time, with a link for
 * each colleague who exists and is active then; they are the ones told (decision 0007).
 */
export async function renderWithMentions(text: string) {
  const handles = mentionedHandles(text);
  const users = handles.length
    ? await db.user.findMany({
        where: { active: true, OR: handles.map((handle) => ({ email: { startsWith: `${handle}@` } })) },
        select: { id: true, email: true, displayName: true },
      })
    : [];
  const names = new Map(users.map((user) => [handleOf(user.email), user.displayName]));
  return { html: renderMarkdown(text, names), mentioned: users.map((user) => user.id) };
}

/** The Markdown preview of a text being written (null for an empty one). */
export async function previewHtml(text: string) {
  return text.trim() ? (await renderWithMentions(text.slice(0, IDEA_LIMITS.body))).html : null;
}

/** Of the colleagues a new text mentions, those the previous text did not: an edit tells only them. */
export async function newlyMentioned(previousText: string, mentioned: string[]) {
  if (mentioned.length === 0) return [];
  const before = new Set(mentionedHandles(previousText));
  const users = await db.user.findMany({ where: { id: { in: mentioned } }, select: { id: true, email: true } });
  return users.filter((user) => !before.has(handleOf(user.email))).map((user) => user.id);
}

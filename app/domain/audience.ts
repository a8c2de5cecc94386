/**
 * Whom a campaign, a poll or a challenge is for, as their pages show it, from the group's columns
 * read beside it: the group, or null for every colleague.
 */
export function audienceOf(row: { groupName: string | null; groupSlug: string | null }) {
  return row.groupName === null ? null : { name: row.groupName, slug: row.groupSlug! };
}

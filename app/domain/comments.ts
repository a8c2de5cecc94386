/** A comment as an idea's page shows it: no text once removed or hidden, a handle for the author's page. */
export type ShownComment = {
  id: number;
  parentId: number | null;
  authorId: string | null;
  authorName: string | null;
  authorHandle: string | null;
  bodyHtml: string;
  createdAt: Date;
  editedAt: Date | null;
  deletedAt: Date | null;
  hiddenAt: Date | null;
  hiddenReason: string | null;
};

/** A group document's title and description lengths: checked on the server, stated in its form. */
export const DOCUMENT_LIMITS = { title: 140, description: 500 };

/** The file fields' `accept`: the types the server takes (it checks each by content anyway). */
export const FILE_ACCEPT =
  ".pdf,.jpg,.jpeg,.png,.webp,.docx,.xlsx,.pptx,.odt,.ods,.odp,.csv,.txt," +
  "application/pdf,image/jpeg,image/png,image/webp,text/csv,text/plain";

/** What the pages show of an attachment (domain/attachments.server.ts makes it; components show it). */
export type AttachmentView = {
  id: string;
  name: string;
  mime: string;
  size: number;
  image: boolean;
  width: number | null;
  height: number | null;
  uploader: string | null;
  createdAt: Date;
  /** For a progress update's files: which update. */
  updateId: string | null;
  canDelete: boolean;
};

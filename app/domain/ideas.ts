/** Idea statuses and the workflow between them (domain doc). Shared by pages and server. */
export const IDEA_STATUSES = [
  "NUOVA",
  "IN_DISCUSSIONE",
  "IN_VALUTAZIONE",
  "ACCOLTA",
  "IN_REALIZZAZIONE",
  "REALIZZATA",
  "NON_ACCOLTA",
  "DUPLICATA",
] as const;
export type IdeaStatus = (typeof IDEA_STATUSES)[number];

export function isIdeaStatus(value: unknown): value is IdeaStatus {
  return typeof value === "string" && (IDEA_STATUSES as readonly string[]).includes(value);
}

/** Closed ideas take no more supports and no more status changes. */
const CLOSED_STATUSES: readonly IdeaStatus[] = ["REALIZZATA", "NON_ACCOLTA", "DUPLICATA"];
export const isClosed = (status: string) => (CLOSED_STATUSES as readonly string[]).includes(status);

/** The author may edit the text only while the idea is still being discussed. */
export const EDITABLE_STATUSES: readonly IdeaStatus[] = ["NUOVA", "IN_DISCUSSIONE"];

/** An idea can be marked as a duplicate until the board has decided on it. */
export const MERGEABLE_STATUSES: readonly IdeaStatus[] = ["NUOVA", "IN_DISCUSSIONE", "IN_VALUTAZIONE"];

export type Decider = "leader" | "board";

/** Who may move an idea from one status to the next, and whether a public reason is required. */
const TRANSITIONS: readonly {
  from: IdeaStatus;
  to: IdeaStatus;
  by: readonly Decider[];
  reasonRequired: boolean;
}[] = [
  { from: "NUOVA", to: "IN_DISCUSSIONE", by: ["leader", "board"], reasonRequired: false },
  { from: "IN_DISCUSSIONE", to: "IN_VALUTAZIONE", by: ["leader", "board"], reasonRequired: false },
  { from: "IN_VALUTAZIONE", to: "ACCOLTA", by: ["board"], reasonRequired: true },
  { from: "IN_VALUTAZIONE", to: "NON_ACCOLTA", by: ["board"], reasonRequired: true },
  { from: "ACCOLTA", to: "IN_REALIZZAZIONE", by: ["leader", "board"], reasonRequired: false },
  { from: "IN_REALIZZAZIONE", to: "REALIZZATA", by: ["leader", "board"], reasonRequired: false },
];

export function transition(from: string, to: string) {
  return TRANSITIONS.find((t) => t.from === from && t.to === to);
}

/** The status as it appears in addresses (?stato=in-discussione). */
export const statusSlug = (status: IdeaStatus) => status.toLowerCase().replace(/_/g, "-");
export const statusFromSlug = (slug: string): IdeaStatus | undefined => {
  const status = slug.toUpperCase().replace(/-/g, "_");
  return isIdeaStatus(status) ? status : undefined;
};

export const IDEA_SORTS = ["recenti", "sostegni", "discusse", "tendenza"] as const;
export type IdeaSort = (typeof IDEA_SORTS)[number];

export const TAG_KINDS = ["MACRO", "ASSET", "CANALE"] as const;
export type TagKind = (typeof TAG_KINDS)[number];

export const IDEA_LIMITS = { title: 140, body: 20_000, comment: 5_000, reason: 1_000, query: 200 } as const;

/** Days that count for the "tendenza" sort. */
export const TREND_DAYS = 14;

/** An idea as the lists show it (idea-list.server.ts makes it, components/ideas.tsx draws it). */
export type IdeaListItem = {
  id: number;
  title: string;
  status: IdeaStatus;
  supportCount: number;
  commentCount: number;
  createdAt: string;
  groupName: string;
  groupSlug: string;
  groupColour: string;
  authorName: string | null;
  supportedByMe: boolean;
  snippet: string | null;
  titleHighlighted: string | null;
  /** The idea's first image (an attachment id), shown as a small picture. */
  coverId?: string | null;
};

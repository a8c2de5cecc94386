/**
 * Italian, part "flash": what the server says on the page a write leads to (lib/flash.server.ts
 * translates it with the whole catalogue), so no page's JavaScript carries these.
 */
export const flashMessages = {
  "ideas.created": "Idea pubblicata. Grazie!",
  "ideas.updated": "Idea aggiornata: la versione precedente resta consultabile.",
  "ideas.createdWithFiles": "Idea pubblicata con i suoi allegati ({count}). Grazie!",
} as const;

/**
 * Italian, part "ideas" (lib/i18n/it.ts joins the parts; a route lists the parts its page shows in its handle): the
 * idea lists: cards, search, filters and sorting.
 */
export const ideasMessages = {
  "ideas.title": "Idee",
  "ideas.support": "Sostieni",
  "ideas.supportedWithdraw": "Sostieni già — ritira",
  "ideas.supportHint": "Sostenere un'idea dice alla Cabina di Regia che conta anche per te.",
  "ideas.supportedHint": "La sostieni: premi di nuovo per ritirare il tuo sostegno.",
  "ideas.supportWord": "sostegni",
  "ideas.supportWordOne": "sostegno",
  "ideas.youSupport": "la sostieni",
  "ideas.comments": "{count} commenti",
  "ideas.commentsOne": "1 commento",
  "ideas.follow": "Segui",
  "ideas.search": "Cerca nelle idee",
  "ideas.searchSubmit": "Cerca",
  "ideas.searchLabel": "Cerca e filtra le idee",
  "ideas.filterTag": "Tema",
  "ideas.allTags": "Tutti i temi",
  "ideas.mineLegend": "Solo alcune idee",
  "ideas.mine": "Le mie",
  "ideas.iSupport": "Che sostengo",
  "ideas.clearFilters": "Togli tutti i filtri",
  "ideas.none": "Nessuna idea corrisponde alla ricerca.",
  "ideas.more": "Mostra altre idee",
  "ideas.sortLabel": "Ordina per",
  "ideas.sort.recenti": "più recenti",
  "ideas.sort.sostegni": "più sostenute",
  "ideas.sort.discusse": "più discusse",
  "ideas.sort.tendenza": "di tendenza (14 giorni)",
} as const;

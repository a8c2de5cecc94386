/** Italian, part "ideaEdit": the page that edits an idea, apart from "ideaForm" (the new-idea page needs none). */
export const ideaEditMessages = {
  "ideas.editTitle": "Modifica l'idea",
  "ideas.editIntro":
    "Puoi modificare la tua idea finché è nuova o in discussione. Ogni " +
    "modifica resta visibile a tutti nella storia dell'idea.",
} as const;

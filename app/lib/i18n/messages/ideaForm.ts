/**
 * Italian, part "ideaForm": proposing and editing an idea (the form, its preview and the similar
 * ideas it finds), apart from the idea's page so that the form's pages carry only these.
 */
export const ideaFormMessages = {
  "ideas.newTitle": "Nuova idea",
  "ideas.newIntro":
    "Racconta l'idea come la spiegheresti a una collega: che cosa " +
    "cambierebbe per il cittadino e per chi lavora allo sportello. Prima " +
    "di pubblicare, guarda se qualcuno ha già proposto qualcosa di simile: " +
    "sostenere un'idea esistente le dà più forza.",
  "ideas.fieldTitle": "Titolo",
  "ideas.fieldTitleHint": "Una frase breve, al massimo 140 caratteri.",
  "ideas.fieldGroup": "Gruppo di lavoro",
  "ideas.chooseGroup": "Scegli il gruppo",
  "ideas.fieldBody": "Descrizione",
  "ideas.preview": "Anteprima",
  "ideas.previewTitle": "Anteprima",
  "ideas.publish": "Pubblica l'idea",
  "ideas.saveChanges": "Salva le modifiche",
  "ideas.similarTitle": "Idee simili già proposte:",
  "ideas.similarHint": "se una di queste è la tua idea, sostienila invece di proporne una nuova.",
  "ideas.fieldFiles": "Allegati (facoltativi)",
  "ideas.filesAgain": "I file si conservano solo con l'idea pubblicata: se il campo è vuoto, sceglili di nuovo.",
  "ideas.challengeUnknown": "Questa sfida non esiste.",
  "ideas.challengeNotOpen": "Questa sfida si apre il {day}: le idee si propongono da quel giorno.",
  "ideas.challengeClosed": "Questa sfida si è chiusa il {day}: non accoglie più idee.",
} as const;

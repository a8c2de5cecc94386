/** The e-mails (server only: app/domain/mail-messages.server.ts). */
export const mailMessages = {
  "mail.invite.subject": "Sei invitato su Pionieri, l'intranet dello Sportello del Cittadino",
  "mail.invite.intro":
    "Una collega o un collega ti ha invitato su Pionieri, dove il personale del Comune di Cesena progetta " +
    "insieme lo Sportello del Cittadino: si propongono idee, si commentano e si sostengono, si lavora nei gruppi.",
  "mail.invite.action": "Completa il tuo account",
  "mail.invite.expires": "Il link vale una volta sola, fino al {date}.",
  "mail.invite.why":
    "Ricevi questa e-mail perché l'amministratore di Pionieri ha creato un invito per questo indirizzo. " +
    "Se non ti riguarda, ignorala: senza il link non succede nulla.",
  "mail.reset.subject": "Pionieri: il link per scegliere una nuova password",
  "mail.reset.intro": "Ecco il link per scegliere una nuova password di Pionieri.",
  "mail.reset.action": "Scegli la nuova password",
  "mail.reset.expires":
    "Il link vale una volta sola, fino al {date}. Dopo il cambio si chiudono le sessioni " +
    "aperte con la vecchia password.",
  "mail.reset.notYou": "Se non l'hai chiesto tu, ignora questa e-mail: la tua password resta quella di prima.",
  "mail.notice.open": "Apri in Pionieri",
  "mail.footer.why":
    "Ricevi questa e-mail perché hai un account su Pionieri, l'intranet dello Sportello del Cittadino " +
    "del Comune di Cesena.",
  "mail.footer.preferences": "Scegli che cosa ricevere e quando",
  "mail.footer.unsubscribe.STATUS": "Non ricevere più e-mail sui cambi di stato delle idee",
  "mail.footer.unsubscribe.MERGE": "Non ricevere più e-mail sulle idee riunite",
  "mail.footer.unsubscribe.REPLY": "Non ricevere più e-mail sulle risposte ai tuoi commenti",
  "mail.footer.unsubscribe.MENTION": "Non ricevere più e-mail quando qualcuno ti menziona",
  "mail.footer.unsubscribe.HIDDEN": "Non ricevere più e-mail sui tuoi commenti nascosti",
  "mail.footer.unsubscribe.OWNER": "Non ricevere più e-mail quando diventi responsabile di un micro-obiettivo",
  "mail.footer.unsubscribe.COMMENT": "Non ricevere più e-mail sui commenti alle idee che segui",
  "mail.footer.unsubscribe.OBJECTIVE": "Non ricevere più e-mail sui micro-obiettivi che portano le tue idee",
  "mail.footer.unsubscribe.NEW_IDEA": "Non ricevere più e-mail sulle nuove idee dei tuoi gruppi",
  "mail.footer.unsubscribe.REPORT": "Non ricevere più e-mail sulle segnalazioni nei gruppi che coordini",
  "mail.footer.unsubscribe.MEETING": "Non ricevere più e-mail sulle riunioni dei tuoi gruppi",
  "mail.footer.unsubscribe.CHALLENGE": "Non ricevere più e-mail sulla conclusione delle sfide",
  "mail.meeting.place": "Luogo: {place}",
  "mail.meeting.video": "Collegamento: {url}",
  "mail.meeting.agenda": "Ordine del giorno",
  "mail.meeting.calendar":
    "L'evento allegato si aggiunge al tuo calendario. Per dire se partecipi usa la pagina della riunione su Pionieri.",
  "mail.footer.unsubscribe.DIGEST": "Non ricevere più il riepilogo",
  "mail.digest.subjectDaily": "Pionieri: il riepilogo di oggi ({count} novità)",
  "mail.digest.subjectWeekly": "Pionieri: il riepilogo della settimana ({count} novità)",
  "mail.digest.introDaily": "Ecco che cosa è successo su Pionieri dall'ultimo riepilogo.",
  "mail.digest.introWeekly": "Ecco che cosa è successo su Pionieri nell'ultima settimana.",
  "mail.digest.comments": "Nuovi commenti sulle idee che segui",
  "mail.digest.objectives": "I micro-obiettivi che portano le tue idee",
  "mail.digest.newIdeas": "Nuove idee nei tuoi gruppi",
  "mail.digest.reports": "Segnalazioni da esaminare nei gruppi che coordini",
  "mail.digest.meetings": "Riunioni e sfide",
  "mail.digest.other": "Altri avvisi",
  "mail.digest.decisions": "Le decisioni della Cabina di Regia",
} as const;

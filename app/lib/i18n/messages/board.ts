/**
 * Italian, part "board" (lib/i18n/it.ts joins the parts; a route lists the parts its page shows in its handle): the
 * Cabina di Regia's page: progress, participation, the decision queue and notes.
 */
export const boardMessages = {
  "board.title": "Cabina di Regia",
  "board.intro":
    "Lo stato del progetto come lo vede la Cabina di Regia: è aperto a " +
    "tutte le colleghe e a tutti i colleghi, perché il progetto promette " +
    "trasparenza. Solo la Cabina decide, congela le istantanee ed esporta.",
  "board.tools": "Strumenti della Cabina di Regia",
  "board.exportMenu": "Esporta in CSV",
  "board.groupsTitle": "I gruppi di lavoro",
  "board.groupsCaption": "Stato dei gruppi: micro-obiettivi, avanzamento e segnalazioni",
  "board.ragRule":
    "Regola dei colori: rosso se un micro-obiettivo attivo è bloccato o se " +
    "almeno un terzo di quelli attivi è in ritardo; giallo se qualcosa è " +
    "in ritardo o non viene aggiornato da 30 giorni; verde negli altri " +
    "casi. L'avanzamento è la media pesata sulla durata prevista di " +
    "ciascun micro-obiettivo.",
  "board.state": "Stato",
  "board.state.red": "Rosso",
  "board.state.amber": "Giallo",
  "board.state.green": "Verde",
  "board.group": "Gruppo",
  "board.objectivesByStatus": "Micro-obiettivi per stato",
  "board.progress": "Avanzamento",
  "board.nextDue": "Prossime scadenze",
  "board.lastUpdate": "Ultimo aggiornamento",
  "board.ideasTitle": "Le idee",
  "board.medianDays": "Tempo mediano dalla proposta alla decisione della Cabina: {days} giorni.",
  "board.noDecisions": "La Cabina non ha ancora preso decisioni.",
  "board.queue": "Idee in attesa della Cabina",
  "board.queueMore": "Qui le {shown} in attesa da più tempo: vedi tutte le {total} idee in valutazione",
  "board.queueEmpty": "Nessuna idea in attesa di decisione.",
  "board.waiting": "in attesa da {days} giorni (dal {date})",
  "board.waitingOne": "in attesa da 1 giorno (dal {date})",
  "board.decision": "Decisione",
  "board.publicReason": "Motivazione pubblica",
  "board.decideSubmit": "Registra la decisione sull'idea #{id}",
  "board.decided": "Decisione registrata; autore e chi segue l'idea sono stati avvisati.",
  "board.participationTitle": "La partecipazione",
  "board.participationIntro":
    "Solo numeri complessivi, per gruppo e per ufficio: nessuna classifica " +
    "e nessun elenco di persone (art. 4 dello Statuto dei lavoratori). Gli " +
    "uffici con meno di 5 colleghi sono contati insieme.",
  "board.last30": "{count} colleghe e colleghi hanno partecipato negli ultimi 30 giorni (su {staff}).",
  "board.last90": "{count} negli ultimi 90 giorni (su {staff}).",
  "board.everShare": "Il {share}% del personale ha partecipato almeno una volta ({count} persone).",
  "board.perGroup":
    "Per gruppo: chi ha proposto, commentato o sostenuto un'idea del gruppo o aggiornato un suo " +
    "micro-obiettivo, anche senza farne parte",
  "board.perOffice": "Per ufficio: colleghe e colleghi che hanno partecipato, sul personale dell'ufficio",
  "board.participants30": "Hanno partecipato negli ultimi 30 giorni",
  "board.participants90": "Hanno partecipato negli ultimi 90 giorni",
  "board.office": "Ufficio",
  "board.staff": "Personale dell'ufficio",
  "board.otherOffices": "Altri uffici",
  "board.weeklyTitle": "Settimana per settimana, dall'inizio del progetto",
  "board.weeklyChart": "Idee, commenti e sostegni per settimana (ultime {count} settimane)",
  "board.weeklyChartOne": "Idee, commenti e sostegni di questa settimana",
  "board.weeklyTable": "Idee, commenti e sostegni per settimana",
  "board.week": "Settimana dal",
  "board.ideas": "Idee",
  "board.comments": "Commenti",
  "board.supports": "Sostegni",
  "board.freezeTitle": "Congela un'istantanea per la riunione",
  "board.freezeIntro":
    "L'istantanea conserva lo stato dei gruppi, i numeri delle idee e le " +
    "decisioni prese dalla precedente. Una volta congelata non si può più " +
    "modificare.",
  "board.meetingDate": "Data della riunione",
  "board.meetingNotes": "Note della riunione",
  "board.freeze": "Congela l'istantanea",
  "board.frozen": "Istantanea congelata.",
  "board.snapshots": "Istantanee delle riunioni",
  "board.compareSame": "Scegli due istantanee diverse da confrontare.",
  "board.snapshotUnknown": "Una delle istantanee scelte non esiste.",
  "board.export.idee": "CSV idee e storia",
  "board.export.obiettivi": "CSV micro-obiettivi",
  "board.export.aggiornamenti": "CSV aggiornamenti",
  "board.export.partecipazione": "CSV partecipazione",
  "audit.title": "Registro delle modifiche",
  "board.keyTitle": "I cittadini agli sportelli",
  "board.keyWait": "Attesa mediana",
  "board.keyFirstCounter": "Risolti al primo sportello",
  "board.keySatisfied": "Cittadini soddisfatti (4–5)",
  "board.keyWeek": "settimana del {date}",
  "board.keyBetter": "meglio della settimana prima ({change})",
  "board.keyWorse": "peggio della settimana prima ({change})",
  "board.keySame": "come la settimana prima",
} as const;

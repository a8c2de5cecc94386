/**
 * Italian, part "plan" (lib/i18n/it.ts joins the parts; a route lists the parts its page shows in its handle): the
 * crono-programma: the timeline, its filters and the objectives table.
 */
export const planMessages = {
  "objectives.colTitle": "Micro-obiettivo",
  "objectives.colGroup": "Gruppo",
  "objectives.colOwner": "Responsabile",
  "objectives.colStart": "Inizio",
  "objectives.colDue": "Scadenza",
  "objectives.colForecast": "Previsione",
  "objectives.colStatus": "Stato",
  "objectives.colProgress": "Avanzamento",
  "objectives.colFlags": "Segnalazioni",
  "timeline.title": "Crono-programma",
  "timeline.intro":
    "Le fasi del progetto, i traguardi e i micro-obiettivi di tutti i " +
    "gruppi su un solo asse del tempo. Sotto il grafico, la stessa " +
    "informazione in tabella.",
  "timeline.filters": "Filtra il crono-programma",
  "timeline.zoomLabel": "Vista",
  "timeline.zoom.mese": "mese",
  "timeline.zoom.trimestre": "trimestre",
  "timeline.zoom.anno": "anno",
  "timeline.previous": "precedente",
  "timeline.next": "successivo",
  "timeline.backToToday": "torna a oggi",
  "timeline.range": "Dal {from} al {to}",
  "timeline.chartTitle": "Crono-programma dal {from} al {to}",
  "timeline.chartDesc":
    "Fasi del progetto, traguardi e {count} micro-obiettivi per gruppo; il dettaglio è nella tabella che segue.",
  "timeline.scrollLabel": "Grafico del crono-programma (scorrevole)",
  "timeline.today": "oggi",
  "timeline.forecastOn": "previsione {date}",
  "timeline.legendProgress": "avanzamento",
  "timeline.legendOverrun": "previsione oltre la scadenza",
  "timeline.legendLate": "in ritardo",
  "timeline.noObjectives": "Nessun micro-obiettivo in questo periodo.",
  "timeline.objectivesTable": "Micro-obiettivi",
  "timeline.objectivesCaption": "Micro-obiettivi con date, stato e avanzamento",
  "timeline.exportCsv": "Scarica in CSV",
  "timeline.phases": "Fasi",
  "timeline.phase": "Fase",
  "timeline.current": "attuale",
  "timeline.edit": "Modifica",
  "timeline.saveMilestone": "Salva il traguardo «{name}»",
  "timeline.deletePhaseExplain":
    "Eliminare la fase «{name}»? Sparisce dal crono-programma; micro-obiettivi e traguardi restano.",
  "timeline.deleteMilestoneExplain": "Eliminare il traguardo «{name}»? Sparisce dal crono-programma e dai calendari.",
  "timeline.deleteConfirm": "Confermo l'eliminazione",
  "timeline.pinned": "fissata come fase attuale",
  "timeline.milestones": "Traguardi",
  "timeline.noMilestones": "Nessun traguardo fissato.",
  "timeline.manage": "Fasi e traguardi",
} as const;

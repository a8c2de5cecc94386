/** The demo's plan: each group's micro-objectives across the phases, with leaders' updates. */
type Update = [date: string, progress: number, status: string, note: string];
type Seed = {
  group: string;
  title: string;
  description: string;
  start: string;
  due: string;
  forecast?: string;
  status: string;
  progress: number;
  indicator?: { name: string; unit: string; baseline: number; target: number; current?: number };
  idea?: string;
  updates: Update[];
};

export const OBJECTIVES: Seed[] = [
  { group: "logistica", title: "Mappare i flussi di persone al piano terra", description: "Due settimane di osservazione all'ingresso: dove vanno i cittadini, a che ora, quanto aspettano.", start: "2026-09-21", due: "2026-10-31", status: "COMPLETATO", progress: 100, updates: [["2026-10-09", 50, "IN_CORSO", "Prima settimana di conteggi fatta: picco tra le 9 e le 10:30."], ["2026-10-30", 100, "COMPLETATO", "Mappa consegnata alla Cabina di Regia, con i tempi medi di attesa."]] },
  { group: "logistica", title: "Progetto del nuovo eliminacode unico", description: "Capitolato per un eliminacode con un solo totem all'ingresso e smistamento per servizio.", start: "2026-11-02", due: "2027-02-27", forecast: "2027-03-31", status: "IN_CORSO", progress: 35, idea: "Un eliminacode unico per tutti gli sportelli del piano terra", indicator: { name: "Attesa media allo sportello", unit: "minuti", baseline: 38, target: 15, current: 34 }, updates: [["2026-11-10", 20, "IN_CORSO", "Raccolti tre preventivi; serve il parere dei Sistemi Informativi sull'integrazione."], ["2026-11-24", 35, "IN_CORSO", "L'integrazione con l'anagrafe richiede un mese in più: previsione spostata a fine marzo."]] },
  { group: "logistica", title: "Nuova segnaletica dall'ingresso laterale", description: "Percorsi colorati a pavimento e pittogrammi.", start: "2026-10-15", due: "2026-11-20", status: "IN_CORSO", progress: 60, idea: "Segnaletica chiara dall'ingresso di piazza del Popolo", updates: [["2026-10-20", 60, "IN_CORSO", "Bozze dei cartelli approvate; in attesa della ditta per la posa."]] },
  { group: "logistica", title: "Postazione ribassata per ogni area", description: "Almeno una postazione accessibile in carrozzina per Anagrafe, Tributi e URP.", start: "2027-02-01", due: "2027-05-28", status: "PIANIFICATO", progress: 0, updates: [] },
  { group: "logistica", title: "Allestimento della sala d'attesa", description: "Sedute, prese per ricaricare, angolo bimbi.", start: "2027-03-01", due: "2027-06-30", status: "PIANIFICATO", progress: 0, updates: [] },

  { group: "informatica", title: "Prenotazione online della carta d'identità", description: "Collegare l'agenda ministeriale al calendario degli sportelli, con promemoria SMS.", start: "2026-10-01", due: "2027-01-29", status: "IN_CORSO", progress: 70, idea: "Prenotazione online degli appuntamenti per carta d'identità", indicator: { name: "Appuntamenti prenotati online", unit: "%", baseline: 0, target: 60, current: 41 }, updates: [["2026-10-30", 40, "IN_CORSO", "Agenda collegata in prova su due sportelli."], ["2026-11-20", 70, "IN_CORSO", "SMS di promemoria attivi: le assenze agli appuntamenti sono scese dal 18% al 7%."]] },
  { group: "informatica", title: "Anagrafica unica dei recapiti", description: "Una sola banca dati di email e telefoni dei cittadini, con il loro consenso.", start: "2026-12-01", due: "2027-04-30", status: "PIANIFICATO", progress: 0, idea: "Un'unica anagrafica dei contatti del cittadino", updates: [] },
  { group: "informatica", title: "Integrazione PEC e protocollo", description: "Protocollazione automatica della PEC dello Sportello.", start: "2026-09-15", due: "2026-11-13", status: "BLOCCATO", progress: 45, updates: [["2026-10-02", 45, "IN_CORSO", "Configurazione fatta in ambiente di prova."], ["2026-10-16", 45, "BLOCCATO", "In attesa dell'aggiornamento del fornitore del protocollo: nessuna data certa."]] },
  { group: "informatica", title: "Wi-Fi ospiti nella sala d'attesa", description: "Rete separata, senza registrazione, con pagina di benvenuto.", start: "2026-10-01", due: "2026-10-30", status: "COMPLETATO", progress: 100, updates: [["2026-10-29", 100, "COMPLETATO", "Rete attiva dal 28 ottobre."]] },
  { group: "informatica", title: "Cruscotto pratiche per il front office", description: "Vista in sola lettura dello stato delle pratiche per chi sta allo sportello.", start: "2027-02-01", due: "2027-06-30", status: "PIANIFICATO", progress: 0, updates: [] },

  { group: "comunicazione", title: "Riscrivere le prime 20 schede dei servizi", description: "In italiano semplice, partendo dalle domande dei cittadini.", start: "2026-10-05", due: "2026-12-18", status: "IN_CORSO", progress: 55, idea: "Schede dei servizi scritte in italiano semplice", indicator: { name: "Schede riscritte", unit: "schede", baseline: 0, target: 20, current: 11 }, updates: [["2026-10-26", 25, "IN_CORSO", "Cinque schede pronte, lette da tre cittadini volontari."], ["2026-11-16", 55, "IN_CORSO", "Undici schede pubblicate; le più consultate sono residenza e carta d'identità."]] },
  { group: "comunicazione", title: "Numero unico dello Sportello", description: "Un numero con smistamento e richiamata.", start: "2026-09-28", due: "2026-12-11", forecast: "2027-01-22", status: "IN_CORSO", progress: 40, idea: "Un numero di telefono unico per lo Sportello", updates: [["2026-10-19", 40, "IN_CORSO", "Il centralino va riconfigurato: serve il gestore telefonico, previsione a gennaio."]] },
  { group: "comunicazione", title: "Questionario di gradimento pilota", description: "Tre domande con QR code all'uscita, per un mese.", start: "2027-01-11", due: "2027-03-12", status: "PIANIFICATO", progress: 0, updates: [] },
  { group: "comunicazione", title: "Pagine «cosa portare» per ogni servizio", description: "L'elenco dei documenti necessari, servizio per servizio.", start: "2026-09-14", due: "2026-10-23", status: "COMPLETATO", progress: 100, idea: "Elenco dei documenti da portare, prima di venire", updates: [["2026-10-23", 100, "COMPLETATO", "Tutte le pagine online e collegate dalle schede."]] },

  { group: "prodotti", title: "Mappa dei servizi dello Sportello", description: "Quali procedimenti si avviano e si concludono allo Sportello.", start: "2026-09-21", due: "2026-12-04", status: "IN_CORSO", progress: 80, idea: "Mappa dei servizi che passano allo Sportello", updates: [["2026-10-15", 45, "IN_CORSO", "Anagrafe e Tributi mappati."], ["2026-10-28", 80, "IN_CORSO", "Mancano i Servizi Sociali: incontro fissato."]] },
  { group: "prodotti", title: "Tempi medi per servizio", description: "Un indicatore per servizio, aggiornato ogni mese.", start: "2026-11-02", due: "2027-01-29", status: "IN_CORSO", progress: 20, indicator: { name: "Servizi con tempo medio misurato", unit: "servizi", baseline: 0, target: 25, current: 5 }, updates: [["2026-11-18", 20, "IN_CORSO", "Primi cinque servizi misurati; il cambio di residenza richiede in media 27 minuti allo sportello."]] },
  { group: "prodotti", title: "Cambio di residenza in un solo accesso", description: "Programmare i controlli della Polizia Locale per evitare il secondo accesso.", start: "2027-02-01", due: "2027-05-31", status: "PIANIFICATO", progress: 0, idea: "Cambio di residenza con un solo passaggio allo sportello", updates: [] },
  { group: "prodotti", title: "Modulistica unica per le agevolazioni", description: "Un solo modulo al posto di quattro.", start: "2026-09-14", due: "2026-10-16", status: "COMPLETATO", progress: 100, idea: "Un'unica modulistica per le agevolazioni sociali", updates: [["2026-10-16", 100, "COMPLETATO", "Modulo unico in uso dal 12 ottobre."]] },
  { group: "prodotti", title: "Indicatori di costo per pratica", description: "Quanto costa al Comune ogni carta d'identità o certificato.", start: "2026-10-12", due: "2026-11-13", status: "IN_CORSO", progress: 30, updates: [["2026-10-12", 30, "IN_CORSO", "Raccolti i dati di personale; mancano quelli di spazi e materiali."]] },

  { group: "personale-e-formazione", title: "Formazione incrociata tra uffici", description: "Due settimane di affiancamento in un altro ufficio, a rotazione.", start: "2026-11-02", due: "2027-03-31", status: "IN_CORSO", progress: 25, idea: "Formazione incrociata tra uffici", indicator: { name: "Colleghi formati", unit: "persone", baseline: 0, target: 40, current: 9 }, updates: [["2026-11-23", 25, "IN_CORSO", "Nove colleghi hanno concluso l'affiancamento; ottimi riscontri da Tributi."]] },
  { group: "personale-e-formazione", title: "Corso sull'accoglienza delle persone in difficoltà", description: "Con i colleghi dei Servizi Sociali.", start: "2026-10-05", due: "2026-12-18", status: "IN_CORSO", progress: 50, idea: "Un corso sull'accoglienza delle persone in difficoltà", updates: [["2026-10-30", 50, "IN_CORSO", "Prime due edizioni fatte, 28 partecipanti."]] },
  { group: "personale-e-formazione", title: "Tutor per i nuovi assunti", description: "Un tutor per le prime quattro settimane.", start: "2026-09-14", due: "2026-10-30", status: "COMPLETATO", progress: 100, idea: "Tutor per i nuovi assunti allo Sportello", updates: [["2026-10-30", 100, "COMPLETATO", "Sei tutor formati e abbinati."]] },
  { group: "personale-e-formazione", title: "Piano di formazione digitale", description: "Firma digitale, PEC, SPID per tutti.", start: "2027-01-11", due: "2027-06-30", status: "PIANIFICATO", progress: 0, updates: [] },
  { group: "personale-e-formazione", title: "Regole per i turni volontari allo Sportello", description: "Chi, quando, con quale riconoscimento.", start: "2026-10-01", due: "2026-11-06", status: "IN_CORSO", progress: 60, updates: [["2026-10-14", 60, "IN_CORSO", "Bozza condivisa con le organizzazioni sindacali."]] },
];

export const MILESTONES: { title: string; date: string; group?: string }[] = [
  { title: "Presentazione delle idee alla Giunta", date: "2027-01-20" },
  { title: "Avvio della progettazione esecutiva", date: "2027-02-01" },
  { title: "Apertura sperimentale dello Sportello", date: "2027-06-07" },
  { title: "Capitolato eliminacode pronto", date: "2027-02-26", group: "logistica" },
  { title: "Prenotazioni online per tutti i servizi anagrafici", date: "2027-04-01", group: "informatica" },
];

/** The demo's ideas: what colleagues at the counters would actually propose and say. */
type Seed = [group: string, status: string, title: string, body: string, tags: string[]];

const M1 = "Qualità del rapporto con l'utenza";
const M2 = "Efficacia ed efficienza";
const M3 = "Multicanalità di accesso";
const A1 = "Reingegnerizzazione di procedimenti e servizi";
const A2 = "Separazione front office / back office";
const A3 = "Informatizzazione intelligente";
const A4 = "Valorizzazione delle risorse umane";
const A5 = "Formazione continua";

export const IDEAS: Seed[] = [
  [
    "logistica",
    "IN_REALIZZAZIONE",
    "Un eliminacode unico per tutti gli sportelli del piano terra",
    "Oggi chi entra deve capire da solo quale fila fare: Anagrafe, Tributi " +
      "e URP hanno ciascuno il proprio distributore di numeri.\n\nCome " +
      "sarebbe bello se all'ingresso ci fosse **un solo totem** che chiede " +
      "*di cosa hai bisogno?* e ti manda allo sportello giusto, con il tempo " +
      "di attesa stimato.",
    [M1, A2, "Sportello fisico", "Postazioni automatiche"],
  ],
  [
    "logistica",
    "ACCOLTA",
    "Segnaletica chiara dall'ingresso di piazza del Popolo",
    "Molti cittadini arrivano dall'ingresso laterale e si perdono nei " +
      "corridoi. Proposta: percorsi colorati a pavimento e cartelli con " +
      "pittogrammi, leggibili anche da chi non parla italiano.",
    [M1, "Sportello fisico"],
  ],
  [
    "logistica",
    "IN_DISCUSSIONE",
    "Sala d'attesa con sedute comode e prese per ricaricare il telefono",
    "Chi aspetta quaranta minuti per un cambio di residenza merita almeno " +
      "una sedia decente e una presa per il telefono. Costa poco e cambia la " +
      "percezione del servizio.",
    [M1, "Sportello fisico"],
  ],
  [
    "logistica",
    "NUOVA",
    "Uno spazio riservato per le pratiche delicate",
    "Separazioni, lutti, situazioni di fragilità: oggi se ne parla allo " +
      "sportello aperto, con la fila dietro. Serve almeno una saletta con " +
      "porta dove accogliere queste persone.",
    [M1, "Sportello fisico"],
  ],
  [
    "logistica",
    "IN_VALUTAZIONE",
    "Postazione accessibile per persone in carrozzina",
    "Il bancone attuale è alto 110 cm. Chiediamo almeno una postazione " +
      "ribassata per ogni area, con spazio per avvicinarsi frontalmente.",
    [M1, "Sportello fisico"],
  ],
  [
    "logistica",
    "REALIZZATA",
    "Orari di apertura esposti anche fuori dal palazzo",
    "Cartello con gli orari aggiornati accanto al portone e sul sito, così chi arriva alle 13:05 lo sa prima.",
    [M1, "Sportello fisico", "Web"],
  ],
  [
    "logistica",
    "NUOVA",
    "Contare gli ingressi per capire le ore di punta",
    "Un semplice contapersone all'ingresso ci direbbe quando arriva la " +
      "gente, e potremmo organizzare i turni di conseguenza invece di andare " +
      "a sensazione.",
    [M2, A1],
  ],
  [
    "logistica",
    "NON_ACCOLTA",
    "Spostare tutto lo Sportello nell'ex tribunale",
    "L'edificio è grande e libero: potremmo riunire lì tutti i servizi al cittadino.",
    [M2],
  ],
  [
    "logistica",
    "IN_DISCUSSIONE",
    "Un angolo bimbi nella sala d'attesa",
    "Tanti genitori vengono con i figli piccoli. Un tappeto e qualche " +
      "gioco lavabile renderebbero l'attesa più serena per tutti.",
    [M1, "Sportello fisico"],
  ],
  [
    "logistica",
    "NUOVA",
    "Armadietti per chi deve lasciare borse e pacchi",
    "Chi viene dal mercato del mercoledì arriva carico di borse: qualche " +
      "armadietto con chiave all'ingresso aiuterebbe.",
    [M1],
  ],
  [
    "logistica",
    "DUPLICATA",
    "Totem per prendere il numero",
    "Un distributore di numeri unico all'ingresso.",
    [A2, "Postazioni automatiche"],
  ],
  [
    "logistica",
    "IN_DISCUSSIONE",
    "Rivedere il percorso delle pratiche cartacee tra piano terra e secondo piano",
    "Ogni giorno le cartelline salgono e scendono le scale tre volte. " +
      "Mappiamo il percorso e vediamo cosa si può evitare.",
    [M2, A1],
  ],

  [
    "informatica",
    "IN_REALIZZAZIONE",
    "Prenotazione online degli appuntamenti per carta d'identità",
    "Il sistema ministeriale c'è già: colleghiamolo al nostro calendario " +
      "degli sportelli e mandiamo un promemoria SMS il giorno prima.",
    [M3, A3, "Web", "Telefonia mobile"],
  ],
  [
    "informatica",
    "ACCOLTA",
    "Un'unica anagrafica dei contatti del cittadino",
    "Oggi Tributi, Servizi Sociali e Anagrafe hanno tre indirizzi email " +
      "diversi per la stessa persona. Una banca dati unica dei recapiti, con " +
      "il consenso del cittadino, eviterebbe comunicazioni perse.",
    [A3, M2],
  ],
  [
    "informatica",
    "IN_VALUTAZIONE",
    "Firma grafometrica allo sportello per eliminare la carta",
    "Con un tablet di firma le istanze presentate allo sportello nascono " +
      "già digitali e vanno direttamente al protocollo.",
    [A3, A1, "Sportello fisico"],
  ],
  [
    "informatica",
    "IN_DISCUSSIONE",
    "Una scrivania digitale comune per front e back office",
    "Chi sta allo sportello deve poter vedere a che punto è una pratica " +
      "senza telefonare all'ufficio. Un cruscotto in sola lettura per ogni " +
      "procedimento basterebbe.",
    [A2, A3],
  ],
  [
    "informatica",
    "NUOVA",
    "Pagamenti con PagoPA direttamente allo sportello",
    "Un POS collegato a PagoPA per diritti di segreteria e bolli, così il " +
      "cittadino non deve andare in tabaccheria e tornare.",
    [M3, A3, "Sportello fisico"],
  ],
  [
    "informatica",
    "NUOVA",
    "Wi-Fi gratuito nella sala d'attesa",
    "Molti cittadini hanno i documenti sul telefono ma non hanno campo al piano terra.",
    [M3, "Telefonia mobile"],
  ],
  [
    "informatica",
    "REALIZZATA",
    "Modulo unico online per il cambio di residenza",
    "Il modulo ministeriale online funziona: mettiamolo in evidenza sul sito con una guida passo passo.",
    [M3, "Web"],
  ],
  [
    "informatica",
    "IN_DISCUSSIONE",
    "Stato della pratica consultabile dal cittadino",
    "Un numero di pratica e una pagina web dove vedere a che punto è: " +
      "ricevuta, in istruttoria, pronta. Meno telefonate per tutti.",
    [M3, A3, "Web"],
  ],
  [
    "informatica",
    "NON_ACCOLTA",
    "App del Comune dedicata allo Sportello",
    "Un'app da scaricare con tutti i servizi dello Sportello.",
    [M3, "Telefonia mobile"],
  ],
  [
    "informatica",
    "NUOVA",
    "Chatbot sul sito per le domande più frequenti",
    "Le prime dieci domande che riceviamo al telefono sono sempre le " +
      "stesse: orari, documenti, costi. Proviamo un assistente sul sito che " +
      "risponda con le nostre schede.",
    [M3, "Web"],
  ],
  [
    "informatica",
    "IN_VALUTAZIONE",
    "Integrare il protocollo con la posta elettronica certificata dello Sportello",
    "Oggi la PEC dello Sportello viene scaricata e protocollata a mano. " +
      "L'integrazione automatica esiste, va solo attivata e configurata.",
    [A3, M2, "Email"],
  ],
  [
    "informatica",
    "DUPLICATA",
    "Prenotare la carta d'identità dal sito",
    "Sarebbe utile prenotare l'appuntamento online.",
    [M3, "Web"],
  ],
  [
    "informatica",
    "IN_DISCUSSIONE",
    "Postazioni self-service per i certificati",
    "Un totem con lettore di tessera sanitaria che stampa i certificati anagrafici, anche fuori orario nell'atrio.",
    [M3, "Postazioni automatiche"],
  ],

  [
    "comunicazione",
    "ACCOLTA",
    "Schede dei servizi scritte in italiano semplice",
    "Le nostre schede parlano di «istanza», «procedimento», «allegato B». " +
      "Riscriviamole partendo dalle domande dei cittadini, e facciamole " +
      "leggere a qualcuno che non lavora in Comune.",
    [M1, A1, "Web"],
  ],
  [
    "comunicazione",
    "IN_REALIZZAZIONE",
    "Un numero di telefono unico per lo Sportello",
    "Oggi in rubrica ci sono quattordici numeri diversi. Un numero unico " +
      "con smistamento e richiamata se la linea è occupata.",
    [M3, A2, "Call center"],
  ],
  [
    "comunicazione",
    "IN_DISCUSSIONE",
    "Questionario di gradimento al termine della pratica",
    "Tre domande, un minuto, su carta o con un QR code: il tempo d'attesa, " +
      "la chiarezza, la cortesia. E pubblichiamo i risultati ogni tre mesi.",
    [M1, M2],
  ],
  [
    "comunicazione",
    "NUOVA",
    "Chiamare i cittadini per nome, non per numero",
    "Quando il turno lo consente, chiedere il nome e chiamare la persona. È un dettaglio, ma fa sentire accolti.",
    [M1, "Sportello fisico"],
  ],
  [
    "comunicazione",
    "IN_VALUTAZIONE",
    "Moduli precompilati con i dati che il Comune ha già",
    "Perché chiediamo al cittadino il codice fiscale e l'indirizzo se li " +
      "abbiamo già? I moduli stampati allo sportello possono uscire " +
      "precompilati.",
    [A1, A3, M2],
  ],
  [
    "comunicazione",
    "NUOVA",
    "Newsletter mensile dello Sportello",
    "Scadenze (TARI, IMU, iscrizioni scolastiche) e novità, una volta al mese, a chi si iscrive.",
    [M3, "Email"],
  ],
  [
    "comunicazione",
    "IN_DISCUSSIONE",
    "Informare sull'avanzamento della pratica via SMS",
    "Un SMS quando la pratica è pronta da ritirare: il cittadino non deve telefonare e noi non dobbiamo rispondere.",
    [M3, "Telefonia mobile"],
  ],
  [
    "comunicazione",
    "REALIZZATA",
    "Elenco dei documenti da portare, prima di venire",
    "Una pagina per ogni servizio con l'elenco preciso dei documenti, così nessuno deve tornare una seconda volta.",
    [M1, "Web"],
  ],
  [
    "comunicazione",
    "NUOVA",
    "Materiale informativo in più lingue",
    "Inglese, arabo, cinese, rumeno, albanese: le lingue più parlate a " +
      "Cesena dopo l'italiano. Almeno per i servizi anagrafici.",
    [M1, "Sportello fisico", "Web"],
  ],
  [
    "comunicazione",
    "NON_ACCOLTA",
    "Pubblicità dello Sportello sui bus urbani",
    "Una campagna sui bus per far conoscere lo Sportello.",
    [M3],
  ],
  [
    "comunicazione",
    "IN_DISCUSSIONE",
    "Raccogliere i reclami in un unico registro",
    "Oggi i reclami arrivano all'URP, ai singoli uffici, ai social. Un " +
      "registro unico ci permetterebbe di capire cosa non funziona.",
    [M1, M2],
  ],

  [
    "prodotti",
    "IN_REALIZZAZIONE",
    "Mappa dei servizi che passano allo Sportello",
    "Prima di tutto serve l'elenco: quali procedimenti possono essere " +
      "avviati allo Sportello, quali conclusi lì, quali restano agli uffici. " +
      "Partiamo da Anagrafe, Tributi e Servizi Sociali.",
    [A1, A2],
  ],
  [
    "prodotti",
    "ACCOLTA",
    "Cambio di residenza con un solo passaggio allo sportello",
    "Oggi servono due accessi: la dichiarazione e poi la conferma. Con i " +
      "controlli della Polizia Locale programmati, basterebbe uno.",
    [A1, M2, "Sportello fisico"],
  ],
  [
    "prodotti",
    "IN_VALUTAZIONE",
    "Misurare il tempo medio di ogni servizio",
    "Per confrontarci (come se fossimo in concorrenza) dobbiamo sapere " +
      "quanto dura ogni pratica, dall'accoglienza alla conclusione. Un " +
      "indicatore per servizio, aggiornato ogni mese.",
    [M2, A1],
  ],
  [
    "prodotti",
    "IN_DISCUSSIONE",
    "Un «pacchetto nascita» unico",
    "Alla nascita di un figlio i genitori vanno in Anagrafe, poi ai " +
      "Servizi Educativi, poi chiedono i bonus. Un solo appuntamento per " +
      "tutto.",
    [A1, M1],
  ],
  [
    "prodotti",
    "NUOVA",
    "Pacchetto «nuovo residente»",
    "Chi arriva a Cesena deve fare residenza, TARI, iscrizione scolastica, " +
      "medico: una checklist unica e un solo appuntamento.",
    [A1, M1],
  ],
  [
    "prodotti",
    "IN_DISCUSSIONE",
    "Certificati anagrafici in tabaccheria e farmacia",
    "Altri comuni l'hanno fatto con una convenzione: il cittadino stampa il certificato sotto casa.",
    [M3, A3],
  ],
  [
    "prodotti",
    "NUOVA",
    "Rateizzazione TARI richiesta direttamente allo sportello",
    "Oggi serve una domanda scritta all'ufficio Tributi. Con criteri chiari, lo sportello potrebbe concederla subito.",
    [A1, A2],
  ],
  [
    "prodotti",
    "IN_VALUTAZIONE",
    "Indicatori di costo per pratica",
    "Il documento del progetto chiede di monitorare i costi di produzione: " +
      "proviamo a calcolare quanto costa al Comune ogni carta d'identità o " +
      "certificato.",
    [M2],
  ],
  [
    "prodotti",
    "REALIZZATA",
    "Un'unica modulistica per le agevolazioni sociali",
    "Quattro moduli diversi per agevolazioni simili: li abbiamo unificati con i Servizi Sociali.",
    [A1, M2],
  ],
  [
    "prodotti",
    "NUOVA",
    "Appuntamento a domicilio per chi non può muoversi",
    "Per anziani e persone allettate, un operatore dello Sportello che va a casa con un tablet, su prenotazione.",
    [M1, M3],
  ],
  ["prodotti", "DUPLICATA", "Misurare quanto dura ogni pratica", "Sapere i tempi di ogni servizio.", [M2]],
  [
    "prodotti",
    "IN_DISCUSSIONE",
    "Autocertificazioni accettate davvero",
    "Ancora troppo spesso chiediamo certificati che la legge permette di " +
      "autocertificare. Una regola chiara per tutti gli uffici.",
    [A1, M2],
  ],

  [
    "personale-e-formazione",
    "ACCOLTA",
    "Formazione incrociata tra uffici",
    "Chi sta allo Sportello deve conoscere un po' di tutto. Proposta: due " +
      "settimane di affiancamento in un ufficio diverso dal proprio, a " +
      "rotazione.",
    [A5, A4],
  ],
  [
    "personale-e-formazione",
    "IN_REALIZZAZIONE",
    "Un corso sull'accoglienza delle persone in difficoltà",
    "Gestire la rabbia o la fragilità di chi abbiamo davanti si impara. Un " +
      "corso pratico con i colleghi dei Servizi Sociali.",
    [A5, M1],
  ],
  [
    "personale-e-formazione",
    "IN_DISCUSSIONE",
    "Riconoscere chi partecipa ai gruppi di lavoro",
    "Chi dà tempo ai gruppi lo fa in più rispetto al proprio lavoro: almeno che conti nella valutazione annuale.",
    [A4],
  ],
  [
    "personale-e-formazione",
    "NUOVA",
    "Una guida interna «chi fa cosa» sempre aggiornata",
    "Quando un cittadino chiede qualcosa di insolito, non sappiamo a chi " +
      "girarlo. Un elenco dei referenti per ogni procedimento, tenuto " +
      "aggiornato dagli uffici.",
    [A2, A4],
  ],
  [
    "personale-e-formazione",
    "IN_VALUTAZIONE",
    "Turni allo Sportello su base volontaria",
    "Chi vuole può fare qualche mezza giornata allo Sportello: si capisce " +
      "molto di più dei cittadini e del proprio lavoro.",
    [A4, A2],
  ],
  [
    "personale-e-formazione",
    "NUOVA",
    "Corso di inglese di base per chi sta allo sportello",
    "Bastano le frasi essenziali per accogliere chi non parla italiano.",
    [A5, M1],
  ],
  [
    "personale-e-formazione",
    "IN_DISCUSSIONE",
    "Brevi incontri mensili tra front e back office",
    "Mezz'ora al mese per dirsi cosa non funziona nel passaggio delle pratiche, con i casi concreti.",
    [A2, A4],
  ],
  [
    "personale-e-formazione",
    "REALIZZATA",
    "Tutor per i nuovi assunti allo Sportello",
    "Ogni nuovo collega affiancato da un tutor per le prime quattro settimane.",
    [A4, A5],
  ],
  [
    "personale-e-formazione",
    "NON_ACCOLTA",
    "Divise per il personale dello Sportello",
    "Una divisa comune renderebbe gli operatori riconoscibili.",
    [M1],
  ],
  [
    "personale-e-formazione",
    "NUOVA",
    "Pause brevi e regolari per chi sta al banco",
    "Dopo due ore di sportello l'attenzione cala: cinque minuti di pausa programmata migliorano la qualità per tutti.",
    [A4],
  ],
  [
    "personale-e-formazione",
    "IN_DISCUSSIONE",
    "Formazione sugli strumenti digitali per tutti",
    "Firma digitale, PEC, SPID: molti colleghi li usano poco e non sanno spiegarli ai cittadini.",
    [A5, A3],
  ],
];

/** What colleagues write under ideas; the seed spreads them deterministically. */
export const COMMENTS = [
  "D'accordo, lo vediamo tutti i giorni allo sportello.",
  "Anche in Tributi il problema è lo stesso, soprattutto a ridosso delle scadenze.",
  "Attenzione ai costi: serve una stima prima di decidere.",
  "Ottima idea. Mi offro per una prova nel mio ufficio.",
  "Ne avevamo parlato anche due anni fa, poi si era fermato tutto per il budget.",
  "Bisognerebbe sentire anche la Polizia Locale, che ha un pezzo del procedimento.",
  "I cittadini anziani potrebbero avere difficoltà: teniamo sempre anche la strada tradizionale.",
  "In un altro comune l'hanno fatto e ha funzionato: posso recuperare il contatto.",
  "Si potrebbe partire in piccolo, con un solo servizio, e misurare.",
  "Sono d'accordo a metà: il problema vero è il passaggio delle pratiche al back office.",
  "Chi si occupa della privacy? Meglio coinvolgere subito il DPO.",
  "Lo sostengo, ma servirà formazione per chi lo deve usare.",
  "Questa la metterei tra le priorità della fase di progettazione.",
  "Ho raccolto qualche dato sulle attese di ottobre: le porto al prossimo incontro del gruppo.",
  "Sarebbe utile anche per i colleghi, non solo per i cittadini.",
];

export const REPLIES = [
  "Grazie, aggiungo il tuo ufficio all'elenco dei volontari.",
  "Giusto, la inseriamo nei punti da chiarire.",
  "Buon punto: ne parliamo alla prossima riunione del gruppo.",
  "Se recuperi il contatto lo giriamo alla Cabina di Regia.",
];

export const REASONS: Record<string, string> = {
  IN_DISCUSSIONE: "Ne discutiamo nel gruppo: servono i dati di oggi per capire l'impatto.",
  IN_VALUTAZIONE: "Il gruppo la ritiene matura: passa alla Cabina di Regia.",
  ACCOLTA: "Coerente con le finalità del progetto e sostenibile nel bilancio di quest'anno.",
  NON_ACCOLTA: "Non compatibile con il piano di mandato e con le risorse disponibili: riprenderemo il tema più avanti.",
  IN_REALIZZAZIONE: "Inserita tra i micro-obiettivi del gruppo.",
  REALIZZATA: "Completata: grazie a chi ci ha lavorato.",
};

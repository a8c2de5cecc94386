/** The citizens' survey pages, without login (issue 15). */
export const citizenMessages = {
  "citizen.pageTitle": "Questionario di gradimento",
  "citizen.intro":
    "Sportello: {place}. Ci bastano un paio di minuti: le risposte sono anonime e servono a migliorare il servizio.",
  "citizen.closed": "Questo questionario non accetta più risposte. Grazie comunque!",
  "citizen.scale":
    "Per ogni domanda scelga da 1 (per niente soddisfatto) a 5 (molto soddisfatto), oppure " +
    "«Non so». Può saltare le domande che non la riguardano.",
  "citizen.score.1": "1 · per niente",
  "citizen.score.2": "2",
  "citizen.score.3": "3",
  "citizen.score.4": "4",
  "citizen.score.5": "5 · molto",
  "citizen.score.0": "Non so",
  "citizen.service": "Per quale servizio è venuto? (facoltativo)",
  "citizen.serviceNone": "Preferisco non dirlo",
  "citizen.text": "Vuole aggiungere qualcosa? (facoltativo)",
  "citizen.textHint":
    "Al massimo 500 caratteri. Non scriva il suo nome, numeri di telefono o altri dati " +
    "personali: il testo sarà letto da un moderatore prima di essere condiviso.",
  "citizen.honeypot": "Lasciare vuoto",
  "citizen.submit": "Invia le risposte",
  "citizen.privacy":
    "Non registriamo chi è, né il suo indirizzo IP o il suo dispositivo: solo le risposte e il giorno.",
  "citizen.thanks": "Grazie!",
  "citizen.thanksText": "Le sue risposte sono arrivate. Ci aiutano a migliorare lo Sportello del Cittadino.",
  "citizen.thanksKiosk":
    "Le sue risposte sono arrivate. Tra pochi secondi il questionario si svuota per la persona successiva.",
  "citizen.again": "Nuova risposta",
  "citizen.badScore": "Scelga un valore da 1 a 5 o «Non so».",
  "citizen.nothing": "Risponda almeno a una domanda.",
  "citizen.unknown": "Questo questionario non esiste: controlli l'indirizzo o il codice QR.",
  "survey.closed": "Questo questionario è chiuso e non accetta risposte.",
  "survey.badAnswer": "Risposta non valida: scelga dall'elenco.",
  "citizen.back": "Torna al questionario",
} as const;

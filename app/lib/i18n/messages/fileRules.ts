/**
 * Italian, part "fileRules": what a file may be and why one was refused, shared by the pages with
 * attachments and by the forms that take files with their text (a new idea), apart from the rest
 * of "files" so that those forms carry only these.
 */
export const fileRulesMessages = {
  "files.none": "Nessun file scelto: scegline almeno uno.",
  "files.tooMany": "Al massimo {max} file per pagina: eliminane qualcuno o caricane meno.",
  "files.tooBig": "«{name}» supera il limite di {mb} MB: non è stato caricato nulla.",
  "files.broken": "Il caricamento si è interrotto o il modulo non è valido: riprova.",
  "files.quota":
    "Con questi file supereresti lo spazio di {mb} MB a tua disposizione: elimina file che non " +
    "servono più o chiedi all'amministratore.",
  "files.badType": "«{name}»: il contenuto non è di un tipo ammesso, o non corrisponde all'estensione del nome.",
  "files.badImage": "«{name}» non è un'immagine leggibile.",
  "files.imageTooLarge": "«{name}» ha dimensioni troppo grandi (oltre 50 milioni di pixel).",
  "files.limits":
    "Fino a {max} file per pagina, {mb} MB ciascuno: PDF, immagini (JPEG, PNG, WebP), " +
    "documenti Office e OpenDocument, CSV e testo. Le foto vengono ridimensionate e private " +
    "dei dati nascosti, come la posizione GPS.",
} as const;

/** Italian, part "userImport": importing colleagues from a CSV file (the administrator's import page). */
export const userImportMessages = {
  "import.title": "Importa colleghi",
  "import.intro":
    "Carica l'elenco dei colleghi esportato dal sistema del personale: prima vedrai ogni riga " +
    "con il suo eventuale problema, poi con una conferma Pionieri crea gli inviti e le " +
    "iscrizioni ai gruppi.",
  "import.columns":
    "Colonne: nome, cognome, e-mail (obbligatorie), ufficio, ruolo, gruppi (più gruppi " +
    "separati da «|»). La prima riga contiene i nomi delle colonne.",
  "import.format":
    "File CSV separato da virgole o punti e virgola, in UTF-8 (con o senza BOM) o nella " +
    "codifica di Excel (Windows-1252); al massimo {max} righe e {size} MB.",
  "import.mailOn": "Gli inviti partono per e-mail: ogni collega riceve il suo link.",
  "import.mailOff": "La posta elettronica non è configurata: alla fine vedrai i link degli inviti da consegnare.",
  "import.file": "File CSV",
  "import.check": "Controlla il file",
  "import.noFile": "Scegli un file CSV da importare.",
  "import.summary":
    "File «{file}»: {total} righe, {ready} pronte da importare, {problems} con un problema (non verranno importate).",
  "import.progress": "Importazione in corso: {done} di {total} righe…",
  "import.done": "Importazione completata: {count} inviti creati.",
  "import.alreadyDone": "Questo file è già stato importato.",
  "import.run": "Crea {count} inviti",
  "import.nothing": "Nessuna riga da importare: correggi il file e caricalo di nuovo.",
  "import.links": "Link degli inviti (e-mail;link), da consegnare ai colleghi: non verranno mostrati di nuovo.",
  "import.rowsCaption": "Righe del file e controllo",
  "import.colPerson": "Persona",
  "import.colLine": "Riga",
  "import.colEmail": "E-mail",
  "import.colOffice": "Ufficio",
  "import.colRole": "Ruolo",
  "import.colGroups": "Gruppi",
  "import.colCheck": "Controllo",
  "import.ok": "Pronta",
  "import.another": "Importa un altro file",
  "import.empty": "Il file è vuoto o contiene solo l'intestazione.",
  "import.tooBig": "Il file supera il limite di {size} MB.",
  "import.notCsv":
    "Il file non è un CSV leggibile (sembra un file binario, per esempio un foglio Excel .xlsx: salvalo come CSV).",
  "import.tooManyRows": "Il file ha più di {max} righe: dividilo in più file.",
  "import.missingColumns":
    "Mancano colonne obbligatorie: {columns}. La prima riga deve contenere i nomi delle colonne.",
  "import.notPending": "Questo file è già stato importato (o l'importazione è in corso).",
  "import.rowFormula": "Una cella inizia con =, +, - o @ (una formula): non viene importata.",
  "import.rowName": "Manca il nome o il cognome.",
  "import.rowTooLong": "Nome o ufficio troppo lunghi.",
  "import.rowEmail": "Indirizzo e-mail non valido.",
  "import.rowRole": "Ruolo sconosciuto: «{role}».",
  "import.rowGroup": "Gruppo sconosciuto: «{group}».",
  "import.rowRepeated": "Riga ripetuta: lo stesso indirizzo è alla riga {line}.",
  "import.rowExists": "Ha già un account.",
  "import.rowPending": "Ha già un invito in attesa.",
  "import.template": "Scarica un modello da compilare (CSV)",
} as const;

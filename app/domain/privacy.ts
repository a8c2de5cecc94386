/**
 * The privacy notice (informativa, art. 13 GDPR) a municipality starts from: every section the
 * regulation asks for, with what Pionieri really keeps, and the parts only the body itself can fill
 * in marked with square brackets. The administrator replaces it with the body's own text.
 */
export const DEFAULT_PRIVACY_NOTICE = `## Chi tratta i dati

**Titolare del trattamento** è il Comune di Cesena, [indirizzo della sede], [PEC], nella persona
del Sindaco pro tempore. **Responsabile della protezione dei dati** (DPO): [nome o società],
[indirizzo e-mail del DPO].

## Perché e su quale base

Pionieri è l'intranet con cui colleghe e colleghi partecipano alla progettazione dello Sportello
del Cittadino: proporre e discutere idee, partecipare ai gruppi di lavoro, seguire il
crono-programma. I dati sono trattati per gestire gli account, far funzionare questi strumenti,
avvisare delle novità che riguardano la persona e dare alla Cabina di Regia numeri complessivi
sulla partecipazione. La base giuridica è l'esecuzione di compiti di interesse pubblico e la
gestione del rapporto di lavoro (art. 6, par. 1, lett. c ed e, e art. 88 GDPR); la partecipazione
ai gruppi è volontaria.

## Quali dati

- nome, indirizzo e-mail di lavoro, ufficio, ruolo e lingua dell'interfaccia;
- gruppi a cui si partecipa e coordinamenti;
- idee, commenti, sostegni, aggiornamenti e le loro modifiche, con data e autore;
- notifiche ricevute e se sono state lette; le scelte su quali ricevere per e-mail;
- le e-mail inviate (destinatario, oggetto, esito), conservate 90 giorni; il testo di un'e-mail non
  è conservato dopo l'invio;
- le sessioni di accesso (per chiuderle dopo 8 ore di inattività o 30 giorni) e il registro delle
  modifiche amministrative.

Pionieri non registra la navigazione e non usa cookie di profilazione: solo il cookie tecnico della
sessione. Le statistiche di partecipazione sono soltanto complessive, per gruppo e per ufficio
(uffici con meno di 5 persone accorpati), e non individuano mai una persona (art. 4 dello Statuto
dei lavoratori).

## Chi li vede

Idee, commenti e sostegni sono visibili a tutte le colleghe e i colleghi con un account; le note
riservate della Cabina di Regia solo alla Cabina. Gli amministratori del sistema ([ufficio
responsabile]) accedono ai dati per gestire gli account. I dati restano sui server del Comune e non
sono comunicati a terzi né trasferiti fuori dall'Unione europea.

## Per quanto tempo

L'account resta finché si lavora al Comune o finché non se ne chiede la cancellazione. Le sessioni
scadono dopo 8 ore di inattività e al più dopo 30 giorni. Alla cessazione del rapporto l'account
viene disattivato e, su richiesta o dopo [periodo di conservazione], anonimizzato: i contenuti
restano, firmati «ex collaboratore», senza più nome, e-mail o ufficio.

## I tuoi diritti

Puoi chiedere l'accesso ai tuoi dati, la rettifica, la cancellazione, la limitazione e
l'opposizione al trattamento (artt. 15-22 GDPR). In Pionieri puoi già:

- correggere nome, ufficio e lingua dal tuo **profilo**, e scegliere quali e-mail ricevere (o
  nessuna: ogni e-mail ha anche un link per non riceverne più di quel tipo);
- **scaricare una copia di tutti i tuoi dati** dal profilo («Scarica i miei dati»);
- chiedere all'amministratore di **anonimizzare** il tuo account.

Per tutto il resto scrivi a [indirizzo e-mail per la privacy] o al DPO. Hai anche diritto di
proporre reclamo al Garante per la protezione dei dati personali (www.garanteprivacy.it).
`;

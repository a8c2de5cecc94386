/**
 * Italian, part "account" (lib/i18n/it.ts joins the parts; a route lists the parts its page shows in its handle): one's
 * own account: profile, login, invitations and notifications.
 */
export const accountMessages = {
  "login.title": "Accedi a Pionieri",
  "login.intro": "Usa l'indirizzo email di lavoro e la password che hai scelto accettando l'invito.",
  "login.email": "Email",
  "login.password": "Password",
  "login.submit": "Accedi",
  "login.failed": "Email o password non corrette.",
  "login.throttled": "Troppi tentativi non riusciti. Riprova tra {minutes} minuti.",
  "login.privacy": "Come Pionieri tratta i tuoi dati: leggi l'informativa privacy",
  "login.noAccount": "Non hai un account? Chiedi un invito all'amministratore del progetto.",
  "login.loggedOut": "Sei uscita, sei uscito da Pionieri. A presto!",
  "login.demoTitle": "Modalità dimostrativa",
  "login.demoHint": "Account di prova: {emails}. Password: {password}",
  "invite.title": "Completa il tuo account",
  "invite.intro":
    "Sei stata, sei stato invitata/o a Pionieri come {role}. Scegli come comparire e imposta la password.",
  "invite.resetTitle": "Imposta una nuova password",
  "invite.resetIntro": "Scegli una nuova password per il tuo account {email}.",
  "invite.invalid":
    "Questo invito non è valido: il link è sbagliato, è già stato usato o " +
    "è scaduto. Chiedi all'amministratore di inviartene uno nuovo.",
  "invite.invalidTitle": "Invito non valido",
  "invite.submit": "Crea l'account ed entra",
  "invite.resetSubmit": "Salva la password ed entra",
  "invite.welcome": "Benvenuta, benvenuto tra i Pionieri!",
  "invite.passwordSet": "Password impostata. Bentornata, bentornato!",
  "profile.title": "Il tuo profilo",
  "profile.details": "Dati personali",
  "profile.save": "Salva il profilo",
  "profile.saved": "Profilo aggiornato.",
  "profile.passwordTitle": "Cambia la password",
  "profile.passwordSubmit": "Cambia la password",
  "profile.passwordChanged": "Password cambiata. Le altre sessioni aperte sono state chiuse.",
  "profile.yourRole": "Ruolo: {role}",
  "profile.yourGroups": "I tuoi gruppi",
  "notifications.title": "Notifiche",
  "notifications.none": "Nessuna notifica per ora.",
  "notifications.new": "Nuova",
  "notifications.markOne": "Segna come letta",
  "notifications.markAll": "Segna tutte come lette",
  "notifications.markedOne": "Notifica segnata come letta.",
  "notifications.markedAll": "Tutte le notifiche sono segnate come lette.",
  "notifications.pages": "Pagine delle notifiche",
  "notifications.comment": "{who} ha commentato «{title}»",
  "notifications.reply": "{who} ha risposto al tuo commento su «{title}»",
  "notifications.mention": "{who} ti ha menzionato in «{title}»",
  "notifications.status": "{who} ha portato «{title}» allo stato «{status}»",
  "notifications.merge": "{who} ha riunito «{title}» nell'idea «{original}»",
  "profile.dataTitle": "I tuoi dati",
  "profile.dataIntro":
    "Scarica una copia di tutto ciò che Pionieri conserva su di te: " +
    "profilo, gruppi, idee, commenti, sostegni, notifiche e aggiornamenti " +
    "(art. 15 del GDPR).",
  "profile.dataDownload": "Scarica i miei dati e i miei file (ZIP)",
  "profile.dataJson": "Solo i dati (JSON)",
  "profile.calendarTitle": "Scadenze nel tuo calendario",
  "profile.calendarIntro":
    "Un indirizzo segreto e personale da aggiungere al tuo calendario " +
    "(Outlook, Thunderbird, telefono): contiene le scadenze dei " +
    "micro-obiettivi dei tuoi gruppi e i traguardi del progetto.",
  "profile.calendarActive": "Il tuo indirizzo del calendario è attivo (creato il {date}).",
  "profile.calendarNone": "Non hai un indirizzo del calendario attivo.",
  "profile.calendarCreate": "Crea il mio indirizzo del calendario",
  "profile.calendarRegenerate": "Crea un nuovo indirizzo (il precedente smette di funzionare)",
  "profile.calendarRevoke": "Disattiva l'indirizzo",
  "profile.calendarCreated": "Copia ora questo indirizzo nel tuo calendario: per sicurezza non lo mostreremo di nuovo.",
  "profile.calendarRevoked": "Indirizzo del calendario disattivato.",
  "privacy.title": "Informativa sul trattamento dei dati personali",
  "privacy.intro":
    "Come Pionieri tratta i dati delle colleghe e dei colleghi che lo usano (art. 13 del " +
    "Regolamento UE 2016/679, GDPR).",
  "privacy.updated": "Testo aggiornato il {date}.",
  "privacy.editTitle": "Informativa privacy",
  "privacy.editIntroDefault":
    "Questo è il testo di partenza: completa le parti tra parentesi quadre con i dati del tuo " +
    "ente (titolare, DPO, contatti, tempi di conservazione) e salva.",
  "privacy.editIntroCustom": "Questo è il testo pubblicato. Svuota il campo e salva per tornare al testo di partenza.",
  "privacy.see": "Vedi l'informativa come la leggono tutti",
  "privacy.text": "Testo dell'informativa",
  "privacy.textHint": "In Markdown: ## per i titoli, - per gli elenchi, **grassetto**.",
  "privacy.save": "Pubblica l'informativa",
  "privacy.saved": "Informativa pubblicata.",
  "privacy.reset": "Informativa riportata al testo di partenza.",
  "notifications.mentionObjective": "{who} ti ha menzionato nel micro-obiettivo «{title}»",
  "notifications.hidden": "{who} ha nascosto un tuo commento su «{title}»",
  "notifications.owner": "{who} ti ha reso responsabile del micro-obiettivo «{title}»",
  "notifications.objective": "«{title}», che porta la tua idea «{idea}», è al {progress}% ({status})",
  "notifications.newIdea": "{who} ha proposto «{title}» nel gruppo {group}",
  "notifications.report": "Un commento su «{title}» è stato segnalato nel gruppo {group}",
  "notifications.meetingNew": "{who} ha convocato la riunione «{title}» del gruppo {group}: {when}",
  "notifications.meetingChanged": "La riunione «{title}» del gruppo {group} è cambiata: ora è il {when}",
  "notifications.meetingCancelled": "La riunione «{title}» del gruppo {group} ({when}) è annullata",
  "notifications.challenge": "La sfida «{title}» è conclusa: leggi la conclusione e le idee scelte",
  "login.forgot": "Password dimenticata?",
  "forgot.title": "Password dimenticata",
  "forgot.intro":
    "Scrivi l'indirizzo e-mail del tuo account: ti mandiamo un link per scegliere una nuova password, valido un'ora.",
  "forgot.submit": "Mandami il link",
  "forgot.sent":
    "Se l'indirizzo corrisponde a un account di Pionieri, tra poco riceverai un'e-mail con il link. " +
    "Controlla anche la posta indesiderata.",
  "forgot.off":
    "In questa installazione Pionieri non invia e-mail: chiedi all'amministratore un nuovo link di accesso.",
  "forgot.throttled": "Troppe richieste: riprova tra {minutes} minuti.",
  "forgot.back": "Torna all'accesso",
  "unsubscribe.title": "Smetti di ricevere queste e-mail",
  "unsubscribe.question": "Vuoi smettere di ricevere le e-mail di questo tipo? «{what}»",
  "unsubscribe.digest": "Il riepilogo delle novità",
  "unsubscribe.confirm": "Sì, non mandarmele più",
  "unsubscribe.done": "Fatto: non riceverai più queste e-mail ({what}).",
  "unsubscribe.already": "Avevi già smesso di ricevere queste e-mail ({what}): non è cambiato nulla.",
  "unsubscribe.invalid":
    "Questo link per smettere di ricevere e-mail non è valido (forse è stato copiato a metà). " +
    "Puoi scegliere che cosa ricevere dal tuo profilo.",
  "unsubscribe.preferences": "Scegli che cosa ricevere dal tuo profilo",
  "profile.mailTitle": "E-mail",
  "profile.mailIntro":
    "Per ogni tipo di avviso scegli se riceverlo subito per e-mail, nel riepilogo o mai. Nella pagina " +
    "Notifiche trovi comunque tutto.",
  "profile.mailOff": "In questa installazione Pionieri non invia e-mail: trovi tutto nella pagina Notifiche.",
  "profile.mailKind.STATUS": "Un'idea che hai proposto o che segui cambia stato (con la motivazione)",
  "profile.mailKind.MERGE": "Una tua idea viene riunita a un'altra",
  "profile.mailKind.REPLY": "Qualcuno risponde a un tuo commento",
  "profile.mailKind.MENTION": "Qualcuno ti menziona",
  "profile.mailKind.HIDDEN": "Un tuo commento viene nascosto",
  "profile.mailKind.OWNER": "Diventi responsabile di un micro-obiettivo",
  "profile.mailKind.COMMENT": "Nuovi commenti sulle idee che segui",
  "profile.mailKind.OBJECTIVE": "Avanzamento dei micro-obiettivi che portano le tue idee",
  "profile.mailKind.NEW_IDEA": "Nuove idee nei tuoi gruppi",
  "profile.mailKind.REPORT": "Segnalazioni nei gruppi che coordini",
  "profile.mailKind.MEETING":
    "Riunioni dei tuoi gruppi: convocazioni (con l'evento per il calendario), modifiche, annullamenti",
  "profile.mailKind.CHALLENGE": "La conclusione delle sfide a cui hai partecipato",
  "profile.mailNotice": "Avviso",
  "profile.mailChoice.IMMEDIATE": "Subito",
  "profile.mailChoice.DIGEST": "Nel riepilogo",
  "profile.mailChoice.NEVER": "Mai",
  "profile.digest": "Riepilogo",
  "profile.digestHint": "Arriva alle {hour}, solo se c'è qualcosa di nuovo.",
  "profile.digest.DAILY": "Ogni giorno",
  "profile.digest.WEEKLY": "Ogni settimana",
  "profile.digest.NEVER": "Mai",
  "profile.mailSave": "Salva le preferenze e-mail",
  "profile.mailSaved": "Preferenze e-mail salvate.",
  "login.emailOrUser": "Nome utente o email",
  "login.emailOrUserHint": "Il nome utente e la password del computer dell'ufficio, oppure l'email di lavoro.",
  "login.directoryDown":
    "La directory del Comune non risponde: riprova tra qualche minuto. Gli account locali (per " +
    "esempio quello dell'amministratore) possono accedere comunque.",
  "login.localAccount":
    "Questo indirizzo ha un account Pionieri con una password propria: accedi con l'email e quella password.",
  "profile.passwordDirectory":
    "Accedi con il nome utente e la password della directory del Comune: la password si cambia " +
    "lì (per esempio dal computer dell'ufficio), non in Pionieri.",
} as const;

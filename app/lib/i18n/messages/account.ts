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
  "profile.dataDownload": "Scarica i miei dati (JSON)",
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
} as const;

/** The administrator's webhooks page (/admin/webhook). */
export const webhooksMessages = {
  "webhook.title": "Webhook",
  "webhook.intro":
    "Un webhook avvisa un altro sistema (la chat del Comune, il portale intranet, un flusso di lavoro) di ciò " +
    "che accade in Pionieri: a ogni evento scelto, Pionieri invia un messaggio JSON firmato all'indirizzo " +
    "indicato e, se non riceve risposta, riprova con pause crescenti.",
  "webhook.list": "Webhook configurati",
  "webhook.none": "Nessun webhook configurato.",
  "webhook.url": "Indirizzo del destinatario",
  "webhook.urlHint": "Un indirizzo http o https, per esempio https://chat.comune.cesena.it/hooks/pionieri.",
  "webhook.description": "Descrizione (facoltativa)",
  "webhook.events": "Eventi",
  "webhook.event.idea.created": "Nuova idea",
  "webhook.event.idea.status_changed": "Cambio di stato di un'idea",
  "webhook.event.objective.progress_updated": "Avanzamento di un micro-obiettivo",
  "webhook.state": "Stato",
  "webhook.active": "attivo",
  "webhook.inactive": "sospeso",
  "webhook.failedCount": "{n} consegne non riuscite",
  "webhook.actions": "Azioni",
  "webhook.enable": "Riattiva",
  "webhook.disable": "Sospendi",
  "webhook.delete": "Elimina",
  "webhook.deleteExplain":
    "Il webhook e il registro delle sue consegne vengono eliminati; gli eventi futuri non saranno inviati.",
  "webhook.deleteConfirm": "Sì, elimina questo webhook",
  "webhook.new": "Nuovo webhook",
  "webhook.create": "Crea il webhook",
  "webhook.created":
    "Webhook per {url} creato. Ecco la sua chiave segreta: copiala ora nel sistema destinatario, non sarà più " +
    "mostrata. Serve a verificare la firma (intestazione Pionieri-Signature, HMAC-SHA256).",
  "webhook.secret": "Chiave segreta del webhook",
  "webhook.badUrl": "Scrivi un indirizzo http o https completo, senza nome utente né password.",
  "webhook.badEvents": "Scegli almeno un evento dall'elenco.",
  "webhook.log": "Registro delle consegne",
  "webhook.logIntro":
    "Le ultime 50 consegne. «Invia di nuovo» rimanda lo stesso messaggio, con lo stesso identificativo.",
  "webhook.filter": "Mostra",
  "webhook.status.PENDING": "in attesa",
  "webhook.status.SENDING": "in invio",
  "webhook.status.DELIVERED": "consegnate",
  "webhook.status.FAILED": "non riuscite",
  "webhook.noDeliveries": "Nessuna consegna.",
  "webhook.colEvent": "Evento",
  "webhook.colWhen": "Quando",
  "webhook.colAnswer": "Risposta",
  "webhook.resend": "Invia di nuovo",
  "webhook.resent": "La consegna ripartirà tra un momento.",
  "webhook.notResendable": "Questa consegna è già in corso.",
  "webhook.enabled": "Webhook riattivato.",
  "webhook.disabled": "Webhook sospeso: gli eventi non gli vengono più inviati.",
  "webhook.deleted": "Webhook eliminato.",
} as const;

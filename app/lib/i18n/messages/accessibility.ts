/**
 * Italian, part "accessibility" (lib/i18n/it.ts joins the parts; a route lists the parts its page shows in its handle):
 * the accessibility statement.
 */
export const accessibilityMessages = {
  "a11y.title": "Dichiarazione di accessibilità",
  "a11y.intro":
    "Il Comune di Cesena si impegna a rendere accessibile la propria " +
    "intranet Pionieri, conformemente alla legge 9 gennaio 2004, n. 4 e " +
    "alle Linee guida AgID sull'accessibilità degli strumenti informatici, " +
    "che recepiscono la norma EN 301 549 e le WCAG 2.1 al livello AA.",
  "a11y.statusTitle": "Stato di conformità",
  "a11y.status":
    "Pionieri è parzialmente conforme ai requisiti: le pagine sono " +
    "verificate a ogni modifica con controlli automatici (axe-core) e a " +
    "mano con la sola tastiera e senza JavaScript; le parti non ancora " +
    "conformi sono elencate qui sotto.",
  "a11y.limitsTitle": "Contenuti non accessibili",
  "a11y.limits":
    "Non è ancora stata svolta una verifica con utenti che usano lettori " +
    "di schermo diversi; i testi scritti dalle colleghe e dai colleghi " +
    "(idee, commenti) dipendono da chi li scrive. Se trovi un ostacolo, " +
    "segnalacelo.",
  "a11y.howTitle": "Come funziona",
  "a11y.how":
    "Tutte le funzioni si usano con la tastiera e anche con JavaScript " +
    "disattivato; il sito segue lo stile di Designers Italia, funziona da " +
    "360 pixel di larghezza in su, e un collegamento all'inizio di ogni " +
    "pagina porta direttamente al contenuto.",
  "a11y.feedbackTitle": "Segnalazioni e contatti",
  "a11y.feedback":
    "Puoi segnalare un problema di accessibilità o chiedere un contenuto in un formato accessibile scrivendo a",
  "a11y.feedbackAfter":
    "Ti risponderemo entro 30 giorni. Se la risposta non è soddisfacente o " +
    "non arriva, puoi rivolgerti al Difensore civico per il digitale di " +
    "AgID.",
  "a11y.updated": "Dichiarazione redatta il {date} con una autovalutazione del gruppo di sviluppo.",
} as const;

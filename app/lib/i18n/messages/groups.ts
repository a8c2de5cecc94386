/**
 * Italian, part "groups" (lib/i18n/it.ts joins the parts; a route lists the parts its page shows in its handle): the
 * working groups, the home page and colleagues' pages.
 */
export const groupsMessages = {
  "home.title": "Benvenuta, benvenuto tra i Pionieri",
  "home.intro1":
    "Il Comune di Cesena sta ripensando i suoi sportelli come un unico " +
    "Sportello del Cittadino: un solo luogo, tanti canali. Abbiamo scelto " +
    "di progettarlo insieme a chi ci lavora ogni giorno.",
  "home.intro2":
    "Ognuno è portatore di idee, al di là di ruoli e responsabilità. " +
    "Cinque gruppi di lavoro volontari, aperti a tutte le colleghe e a " +
    "tutti i colleghi, trasformano le idee in micro-obiettivi; la Cabina " +
    "di Regia ne segue l'avanzamento e decide.",
  "home.intro3":
    "Scegli il gruppo in cui vuoi dare il tuo contributo: puoi partecipare a più gruppi e lasciarli quando vuoi.",
  "home.groups": "I gruppi di lavoro",
  "home.yourGroups": "Partecipi a {count} gruppi",
  "home.yourGroupsOne": "Partecipi a 1 gruppo",
  "home.challenges": "Sfide aperte: come sarebbe bello se…?",
  "home.challengeLine": "chiude il {date} · idee: {count}",
  "home.allChallenges": "Tutte le sfide",
  "home.noGroups": "Non partecipi ancora a nessun gruppo.",
  "groups.title": "Gruppi di lavoro",
  "groups.intro": "I gruppi sono aperti a tutti: ciascuno può partecipare ai gruppi che preferisce.",
  "groups.members": "{count} partecipanti",
  "groups.membersOne": "1 partecipante",
  "groups.membersNone": "Nessun partecipante",
  "groups.leaders": "Coordinamento",
  "groups.noLeaders": "Coordinatore da nominare",
  "groups.join": "Partecipa",
  "groups.leave": "Lascia il gruppo",
  "groups.joinNamed": "Partecipa al gruppo {name}",
  "groups.leaveNamed": "Lascia il gruppo {name}",
  "groups.youAreMember": "Fai parte di questo gruppo",
  "groups.open": "Vai al gruppo",
  "groups.openNamed": "Vai al gruppo {name}",
  "groups.allMembers": "Mostra tutte le {count} persone del gruppo",
  "groups.memberList": "Partecipanti",
  "groups.colName": "Nome",
  "groups.colOffice": "Ufficio",
  "groups.colRole": "Ruolo nel gruppo",
  "groups.colSince": "Dal",
  "groups.member": "Partecipante",
  "groups.joined": "Ora fai parte del gruppo {name}. Benvenuta, benvenuto!",
  "groups.left": "Hai lasciato il gruppo {name}.",
  "groups.observerCannotJoin": "Gli osservatori possono consultare i gruppi ma non parteciparvi.",
  "activity.title": "Ultime attività",
  "activity.none": "Ancora nessuna attività.",
  "activity.created": "{who} ha proposto",
  "activity.commented": "{who} ha commentato",
  "activity.merged": "{who} ha riunito un duplicato:",
  "activity.status": "{who} ha portato a «{status}»",
  "activity.allIdeas": "Tutte le idee",
  "groups.ideas": "Le idee del gruppo",
  "groups.noIdeas": "Ancora nessuna idea per questo gruppo.",
  "groups.proposeHere": "Proponi un'idea a questo gruppo",
  "groups.allIdeas": "Tutte le idee del gruppo {name}",
  "people.groups": "Gruppi",
  "people.noGroups": "Non partecipa ancora a nessun gruppo.",
  "people.ideas": "Idee proposte",
  "people.noIdeas": "Nessuna idea proposta finora.",
  "groups.objectives": "I micro-obiettivi del gruppo",
  "groups.objectivesCaption": "Micro-obiettivi del gruppo {name}",
  "groups.inTimeline": "Vedi nel crono-programma",
  "docs.link": "Documenti del gruppo",
} as const;

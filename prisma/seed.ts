/**
 * Demo data for `npm run demo`: the five groups, the project's phases, the demo accounts and
 * about twenty colleagues. Runs only in demo mode (PIONIERI_DEMO=1) and only on an empty
 * database, so it can never add known passwords to a real installation.
 */
import { db, dbReady } from "../app/lib/db.server";
import { DEMO_PASSWORD } from "../app/lib/demo";
import { env } from "../app/lib/env.server";
import { addMember, buildGroup, buildPhase, buildUser, GROUPS, type UserInput } from "../tests/support/factories";

const day = (iso: string) => new Date(`${iso}T00:00:00+01:00`);

const PHASES = [
  { name: "Esplorazione delle idee", start: "2026-09-14", end: "2027-01-31", description: "Raccogliamo e discutiamo le idee di tutte e tutti: come sarebbe bello se…?" },
  { name: "Progettazione", start: "2027-02-01", end: "2027-05-31", description: "Le idee accolte diventano progetti: spazi, procedure, strumenti e formazione." },
  { name: "Sperimentazione", start: "2027-06-01", end: "2027-10-31", description: "Proviamo lo Sportello su alcuni servizi e misuriamo attese e soddisfazione." },
  { name: "Avvio dello Sportello", start: "2027-11-02", end: "2028-01-31", description: "Lo Sportello del Cittadino apre a tutti i servizi previsti." },
  { name: "Miglioramento continuo", start: "2028-02-01", end: "2028-12-31", description: "Ascoltiamo cittadini e colleghi e miglioriamo, indicatori alla mano." },
];

type Person = UserInput & { email: string; displayName: string; office: string; groups?: string[]; leads?: string[] };

const PEOPLE: Person[] = [
  { email: "admin@cesena.example", displayName: "Marco Fabbri", office: "Sistemi Informativi", role: "ADMIN", groups: ["informatica"] },
  { email: "cabina@cesena.example", displayName: "Elena Casadei", office: "Direzione Generale", role: "CABINA" },
  { email: "coordinatore.logistica@cesena.example", displayName: "Paolo Giorgini", office: "Patrimonio", leads: ["logistica"] },
  { email: "coordinatore.informatica@cesena.example", displayName: "Chiara Zanotti", office: "Sistemi Informativi", leads: ["informatica"] },
  { email: "coordinatore.comunicazione@cesena.example", displayName: "Giulia Montalti", office: "URP", leads: ["comunicazione"] },
  { email: "coordinatore.prodotti@cesena.example", displayName: "Andrea Pieri", office: "Anagrafe", leads: ["prodotti"] },
  { email: "coordinatore.personale@cesena.example", displayName: "Silvia Gasperoni", office: "Personale e Organizzazione", leads: ["personale-e-formazione"] },
  { email: "dipendente@cesena.example", displayName: "Luca Battistini", office: "Tributi", groups: ["comunicazione"] },
  { email: "osservatore@cesena.example", displayName: "Francesca Ricci", office: "Consulente esterna, Università di Bologna", role: "OSSERVATORE" },
  { email: "anna.bertozzi@cesena.example", displayName: "Anna Bertozzi", office: "Anagrafe", groups: ["prodotti", "logistica"] },
  { email: "roberto.amadori@cesena.example", displayName: "Roberto Amadori", office: "Polizia Locale", groups: ["logistica"] },
  { email: "sara.guidi@cesena.example", displayName: "Sara Guidi", office: "Servizi Sociali", groups: ["prodotti", "comunicazione"] },
  { email: "matteo.rossi@cesena.example", displayName: "Matteo Rossi", office: "Sistemi Informativi", groups: ["informatica"] },
  { email: "laura.bianchi@cesena.example", displayName: "Laura Bianchi", office: "Tributi", groups: ["prodotti"] },
  { email: "davide.morigi@cesena.example", displayName: "Davide Morigi", office: "Edilizia Privata", groups: ["informatica", "prodotti"] },
  { email: "valentina.lucchi@cesena.example", displayName: "Valentina Lucchi", office: "URP", groups: ["comunicazione", "personale-e-formazione"] },
  { email: "stefano.foschi@cesena.example", displayName: "Stefano Foschi", office: "Ragioneria", groups: ["personale-e-formazione"] },
  { email: "martina.pollini@cesena.example", displayName: "Martina Pollini", office: "Servizi Educativi", groups: ["comunicazione"] },
  { email: "giorgio.sirri@cesena.example", displayName: "Giorgio Sirri", office: "Stato Civile", groups: ["prodotti", "logistica"] },
  { email: "federica.neri@cesena.example", displayName: "Federica Neri", office: "Protocollo", groups: ["informatica"] },
  { email: "alessandro.zoffoli@cesena.example", displayName: "Alessandro Zoffoli", office: "Polizia Locale", groups: ["logistica", "personale-e-formazione"] },
  { email: "chiara.magnani@cesena.example", displayName: "Chiara Magnani", office: "Servizi Sociali", groups: ["personale-e-formazione"] },
  { email: "simone.baldacci@cesena.example", displayName: "Simone Baldacci", office: "Edilizia Privata" },
  { email: "elisa.venturi@cesena.example", displayName: "Elisa Venturi", office: "Anagrafe", groups: ["logistica", "comunicazione"] },
  { email: "nicola.fantini@cesena.example", displayName: "Nicola Fantini", office: "Attività Produttive", groups: ["prodotti"] },
  { email: "roberta.pasini@cesena.example", displayName: "Roberta Pasini", office: "Tributi", groups: ["informatica"] },
  { email: "michele.castagnoli@cesena.example", displayName: "Michele Castagnoli", office: "Ambiente", groups: [] },
  { email: "irene.zavalloni@cesena.example", displayName: "Irene Zavalloni", office: "Cultura", groups: ["comunicazione"] },
  { email: "tommaso.rinaldini@cesena.example", displayName: "Tommaso Rinaldini", office: "Sport", groups: ["logistica"] },
  { email: "beatrice.ceredi@cesena.example", displayName: "Beatrice Ceredi", office: "Personale e Organizzazione", groups: ["personale-e-formazione", "prodotti"] },
];

async function main() {
  if (!env.demo) {
    console.error("Il seme dimostrativo gira solo in modalità demo (PIONIERI_DEMO=1): non crea mai account con password note in produzione.");
    process.exit(1);
  }
  await dbReady;
  if ((await db.user.count()) > 0) {
    console.log("Il database contiene già dati: nessun dato dimostrativo aggiunto.");
    return;
  }
  const groups = new Map<string, string>();
  for (const group of GROUPS) groups.set(group.slug, (await buildGroup(db, group)).id);
  for (const [position, phase] of PHASES.entries()) {
    await buildPhase(db, { name: phase.name, description: phase.description, startsOn: day(phase.start), endsOn: day(phase.end), position });
  }
  const joined = day("2026-09-20");
  for (const [index, person] of PEOPLE.entries()) {
    const { groups: memberOf = [], leads = [], ...input } = person;
    const user = await buildUser(db, { ...input, password: DEMO_PASSWORD });
    const joinedAt = new Date(joined.getTime() + index * 36 * 3600 * 1000);
    for (const slug of leads) await addMember(db, user.id, groups.get(slug)!, { isLeader: true, joinedAt });
    for (const slug of memberOf) await addMember(db, user.id, groups.get(slug)!, { joinedAt });
  }
  console.log(`Dati dimostrativi creati: ${GROUPS.length} gruppi, ${PHASES.length} fasi, ${PEOPLE.length} persone.`);
}

await main();
await db.$disconnect();

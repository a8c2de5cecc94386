/** The demo accounts that `npm run demo` seeds (prisma/seed.ts); never created in production. */
export const DEMO_PASSWORD = "pionieri-demo";

export const DEMO_LOGINS = [
  { email: "admin@cesena.example", what: "amministratore" },
  { email: "cabina@cesena.example", what: "Cabina di Regia" },
  { email: "coordinatore.logistica@cesena.example", what: "coordinatore Logistica" },
  { email: "coordinatore.informatica@cesena.example", what: "coordinatore Informatica" },
  { email: "coordinatore.comunicazione@cesena.example", what: "coordinatore Comunicazione" },
  { email: "coordinatore.prodotti@cesena.example", what: "coordinatore Prodotti" },
  { email: "coordinatore.personale@cesena.example", what: "coordinatore Personale e Formazione" },
  { email: "dipendente@cesena.example", what: "dipendente" },
  { email: "osservatore@cesena.example", what: "osservatore esterno" },
] as const;

export const DEMO_ACCOUNTS_NOTE = [
  "",
  "Modalità dimostrativa: account di prova (password " + DEMO_PASSWORD + ")",
  ...DEMO_LOGINS.map((login) => `  ${login.email.padEnd(44)} ${login.what}`),
  "",
].join("\n");

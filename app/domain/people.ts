/** The name an anonymised account shows wherever its content appears (users.server.ts). */
export const FORMER_COLLEAGUE = "ex collaboratore";

/** A colleague's handle: the e-mail's local part, as written in @nome.cognome and in /persone/<handle>. */
export function handleOf(email: string): string {
  return email.slice(0, email.indexOf("@")).toLowerCase();
}

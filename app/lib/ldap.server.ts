import { readFileSync } from "node:fs";
import { Client, InvalidCredentialsError, type Entry } from "ldapts";
import { env } from "./env.server";

/**
 * The municipality's directory (LDAP or Active Directory) through ldapts: find a person by the
 * username or e-mail they typed, check their password by binding as them, read a person again
 * for the periodic check. What to do with the answers is the domain's (domain/directory.server.ts).
 * docs/decisions/0019-directory-sign-in.md
 */

export type DirectoryPerson = {
  dn: string;
  email: string;
  givenName: string;
  surname: string;
  office: string;
  /** Active Directory's "account disabled" flag (userAccountControl bit 2). */
  disabled: boolean;
  /** The mapped groups this person belongs to (by the group DNs of the configuration). */
  groups: string[];
};

/** Why the directory could not answer: unreachable or too slow, or it refused our service account. */
export class DirectoryUnavailable extends Error {}

/**
 * RFC 4515: a value inside a filter. NUL, "*", "(", ")" and the backslash (which the RFC requires)
 * and every other control character become \XX, so a typed name can never add a wildcard or a
 * clause. Other characters, accents included, travel as UTF-8, which the RFC allows: ldapts turns
 * each \XX back into one character, so escaping the two bytes of "ò" would search for "Ã²".
 */
export function escapeFilterValue(value: string): string {
  let out = "";
  for (const char of value) {
    const code = char.codePointAt(0)!;
    out += code < 0x20 || code === 0x7f || "*()\\".includes(char) ? `\\${code.toString(16).padStart(2, "0")}` : char;
  }
  return out;
}

/**
 * TLS towards the directory: the municipality's CA when given, and the server's name from
 * LDAP_URL, which the certificate must carry (STARTTLS upgrades a bare socket, which has none).
 */
function tlsOptions() {
  const config = env.ldap!;
  return { host: new URL(config.url).hostname, ...(config.caFile ? { ca: readFileSync(config.caFile) } : {}) };
}

/**
 * A client for LDAP_URL. ldapts speaks TLS from the first byte whenever it is given TLS options,
 * so they go to the constructor only for ldaps://; on ldap:// they go to STARTTLS.
 */
function newClient() {
  const config = env.ldap!;
  return new Client({
    url: config.url,
    timeout: config.timeoutMs,
    connectTimeout: config.timeoutMs,
    ...(config.url.startsWith("ldaps://") ? { tlsOptions: tlsOptions() } : {}),
    strictDN: false,
  });
}

async function connect() {
  const config = env.ldap!;
  const client = newClient();
  try {
    if (config.startTls) await client.startTLS(tlsOptions());
    if (config.bindDn) await client.bind(config.bindDn, config.bindPassword);
  } catch (error) {
    await client.unbind().catch(() => {});
    throw new DirectoryUnavailable(describe(error));
  }
  return client;
}

function describe(error: unknown) {
  const e = error as { code?: string | number; message?: string };
  return `${e.code ?? ""} ${e.message ?? String(error)}`.trim().slice(0, 300);
}

const first = (entry: Entry, attribute: string) => {
  const value = entry[attribute];
  const one = Array.isArray(value) ? value[0] : value;
  return one === undefined ? "" : Buffer.isBuffer(one) ? one.toString("utf8") : String(one);
};

async function personOf(client: Client, entry: Entry): Promise<DirectoryPerson> {
  const config = env.ldap!;
  const control = Number(first(entry, "userAccountControl") || "0");
  const groups: string[] = [];
  for (const group of Object.values(config.groups)) {
    if (!group) continue;
    const { searchEntries } = await client.search(group, {
      scope: "base",
      filter: config.groupFilter.replace("{dn}", escapeFilterValue(entry.dn)),
      attributes: ["1.1"],
      sizeLimit: 1,
    });
    if (searchEntries.length > 0) groups.push(group);
  }
  return {
    dn: entry.dn,
    email: first(entry, config.attributes.email).trim().toLowerCase(),
    givenName: first(entry, config.attributes.givenName).trim(),
    surname: first(entry, config.attributes.surname).trim(),
    office: first(entry, config.attributes.office).trim(),
    disabled: (control & 2) === 2,
    groups,
  };
}

function attributes() {
  const { email, givenName, surname, office } = env.ldap!.attributes;
  return [email, givenName, surname, office, "userAccountControl"];
}

/**
 * The person a username or an e-mail names, or null (none, or more than one: an ambiguous name
 * signs nobody in). Throws DirectoryUnavailable when the directory cannot answer.
 */
export async function findPerson(identifier: string): Promise<DirectoryPerson | null> {
  const config = env.ldap!;
  const client = await connect();
  try {
    const { searchEntries } = await client.search(config.searchBase, {
      scope: "sub",
      filter: config.userFilter.replaceAll("{user}", escapeFilterValue(identifier)),
      attributes: attributes(),
      sizeLimit: 2,
    });
    if (searchEntries.length !== 1) return null;
    return await personOf(client, searchEntries[0]!);
  } catch (error) {
    if (error instanceof DirectoryUnavailable) throw error;
    // More than one entry answers a size-limit error: nobody is signed in by an ambiguous name.
    if ((error as { code?: number }).code === 4) return null;
    throw new DirectoryUnavailable(describe(error));
  } finally {
    await client.unbind().catch(() => {});
  }
}

/** Whether the password is the person's: a bind as them. An empty password never binds. */
export async function checkPassword(dn: string, password: string): Promise<boolean> {
  if (password.length === 0) return false;
  const config = env.ldap!;
  const client = newClient();
  try {
    if (config.startTls) await client.startTLS(tlsOptions());
    await client.bind(dn, password);
    return true;
  } catch (error) {
    if (error instanceof InvalidCredentialsError) return false;
    throw new DirectoryUnavailable(describe(error));
  } finally {
    await client.unbind().catch(() => {});
  }
}

/** The people still in the directory among `dns`, as they are now (for the periodic check). */
export async function readPeople(dns: string[]): Promise<Map<string, DirectoryPerson>> {
  const client = await connect();
  const found = new Map<string, DirectoryPerson>();
  try {
    for (const dn of dns) {
      try {
        const { searchEntries } = await client.search(dn, {
          scope: "base",
          filter: "(objectClass=*)",
          attributes: attributes(),
        });
        if (searchEntries[0]) found.set(dn, await personOf(client, searchEntries[0]));
      } catch (error) {
        // 32: no such object, the person left the directory.
        if ((error as { code?: number }).code !== 32) throw error;
      }
    }
  } catch (error) {
    throw new DirectoryUnavailable(describe(error));
  } finally {
    await client.unbind().catch(() => {});
  }
  return found;
}

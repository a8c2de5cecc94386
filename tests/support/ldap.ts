import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, connect, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { Attribute, Change, Client } from "ldapts";
import { afterAll, beforeAll } from "vitest";

/**
 * A real OpenLDAP server (Debian's slapd, installed by `npm test`) on loopback ports, started by
 * the test file with a small directory shaped like the municipality's Active Directory: people
 * with sAMAccountName, mail, department and userAccountControl, groups with members. It speaks
 * STARTTLS on ldap:// and TLS on ldaps:// with a certificate from a CA made for the run. Tests
 * can disable or remove a person, and pause the server (SIGSTOP: it accepts connections and
 * never answers, as a hung directory does) or stop it (connections refused).
 */

export const BASE = "dc=comune,dc=example";
const ROOT_DN = `cn=admin,${BASE}`;
const ROOT_PASSWORD = "radice-di-prova";
const SERVICE_DN = `cn=pionieri,ou=servizi,${BASE}`;
const SERVICE_PASSWORD = "servizio-di-prova";
export const GROUPS = {
  cabina: `cn=Cabina di Regia,ou=gruppi,${BASE}`,
  admin: `cn=Amministratori Pionieri,ou=gruppi,${BASE}`,
};

export type DirectoryPerson = {
  /** The entry's cn (ASCII); the sign-in name is `account` when given (it may have accents). */
  user: string;
  account?: string;
  givenName: string;
  surname: string;
  email: string;
  password: string;
  office?: string;
  disabled?: boolean;
  groups?: (keyof typeof GROUPS)[];
};

export const dnOf = (person: { user: string }) => `cn=${person.user},ou=persone,${BASE}`;

/** Active Directory's attributes, with Microsoft's OIDs, on an auxiliary class of our own. */
const SCHEMA = `
attributetype ( 1.2.840.113556.1.4.221 NAME 'sAMAccountName'
  EQUALITY caseIgnoreMatch SUBSTR caseIgnoreSubstringsMatch
  SYNTAX 1.3.6.1.4.1.1466.115.121.1.15 SINGLE-VALUE )
attributetype ( 1.2.840.113556.1.4.8 NAME 'userAccountControl'
  EQUALITY integerMatch SYNTAX 1.3.6.1.4.1.1466.115.121.1.27 SINGLE-VALUE )
attributetype ( 1.2.840.113556.1.2.141 NAME 'department'
  EQUALITY caseIgnoreMatch SYNTAX 1.3.6.1.4.1.1466.115.121.1.15 SINGLE-VALUE )
objectclass ( 1.3.6.1.4.1.32473.1.1 NAME 'pionieriTestUser' SUP top AUXILIARY
  MAY ( sAMAccountName $ userAccountControl $ department ) )
`;

function entryOf(person: DirectoryPerson) {
  return [
    `dn: ${dnOf(person)}`,
    "objectClass: inetOrgPerson",
    "objectClass: pionieriTestUser",
    `cn: ${person.user}`,
    `sAMAccountName:: ${Buffer.from(person.account ?? person.user).toString("base64")}`,
    `givenName:: ${Buffer.from(person.givenName).toString("base64")}`,
    `sn:: ${Buffer.from(person.surname).toString("base64")}`,
    `mail: ${person.email}`,
    ...(person.office ? [`department:: ${Buffer.from(person.office).toString("base64")}`] : []),
    `userAccountControl: ${person.disabled ? 514 : 512}`,
    `userPassword: ${person.password}`,
  ].join("\n");
}

function ldif(people: DirectoryPerson[]) {
  const members = (group: keyof typeof GROUPS) =>
    people.filter((p) => p.groups?.includes(group)).map((p) => `member: ${dnOf(p)}`);
  return [
    `dn: ${BASE}\nobjectClass: dcObject\nobjectClass: organization\no: Comune di prova\ndc: comune`,
    `dn: ou=persone,${BASE}\nobjectClass: organizationalUnit\nou: persone`,
    `dn: ou=gruppi,${BASE}\nobjectClass: organizationalUnit\nou: gruppi`,
    `dn: ou=servizi,${BASE}\nobjectClass: organizationalUnit\nou: servizi`,
    `dn: ${SERVICE_DN}\nobjectClass: person\ncn: pionieri\nsn: servizio\nuserPassword: ${SERVICE_PASSWORD}`,
    ...people.map(entryOf),
    ...(Object.keys(GROUPS) as (keyof typeof GROUPS)[]).map((group) =>
      // groupOfNames needs a member: the service account stands in for an empty group.
      [`dn: ${GROUPS[group]}`, "objectClass: groupOfNames", `cn: ${GROUPS[group].slice(3).split(",")[0]}`]
        .concat(members(group).length ? members(group) : [`member: ${SERVICE_DN}`])
        .join("\n"),
    ),
  ].join("\n\n");
}

async function freePort() {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function accepting(port: number) {
  return new Promise<boolean>((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

/** A CA made for this run, and a certificate for 127.0.0.1 that it signed. */
function certificates(dir: string) {
  const run = (...args: string[]) => execFileSync("openssl", args, { cwd: dir, stdio: "pipe" });
  run(
    "req",
    "-x509",
    "-newkey",
    "rsa:2048",
    "-nodes",
    "-keyout",
    "ca.key",
    "-out",
    "ca.crt",
    "-days",
    "2",
    "-subj",
    "/CN=Pionieri test CA",
  );
  writeFileSync(path.join(dir, "san.cnf"), "subjectAltName=IP:127.0.0.1,DNS:localhost\n");
  run("req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=127.0.0.1");
  run(
    "x509",
    "-req",
    "-in",
    "server.csr",
    "-CA",
    "ca.crt",
    "-CAkey",
    "ca.key",
    "-CAcreateserial",
    "-out",
    "server.crt",
    "-days",
    "2",
    "-extfile",
    "san.cnf",
  );
}

export function useDirectory(people: DirectoryPerson[]) {
  const dir = mkdtempSync(path.join(tmpdir(), "pionieri-ldap-"));
  let child: ChildProcess | null = null;
  let ports = { ldap: 0, ldaps: 0 };
  let log = "";

  async function start() {
    child = spawn(
      "/usr/sbin/slapd",
      // -d 0 keeps slapd in the foreground (a child we can stop) without its debug output.
      [
        "-d",
        "0",
        "-f",
        path.join(dir, "slapd.conf"),
        "-h",
        `ldap://127.0.0.1:${ports.ldap}/ ldaps://127.0.0.1:${ports.ldaps}/`,
      ],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    child.stderr!.on("data", (chunk: Buffer) => (log += chunk.toString()));
    const started = Date.now();
    while (!(await accepting(ports.ldap))) {
      if (Date.now() - started > 10_000) throw new Error(`slapd did not start:\n${log}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  const directory = {
    dir,
    get url() {
      return `ldap://127.0.0.1:${ports.ldap}`;
    },
    get ldapsUrl() {
      return `ldaps://127.0.0.1:${ports.ldaps}`;
    },
    caFile: path.join(dir, "ca.crt"),
    /** The environment that points Pionieri at this directory, as a municipality would set it. */
    env(extra: Record<string, string> = {}): Record<string, string> {
      return {
        LDAP_URL: directory.url,
        LDAP_CA_FILE: directory.caFile,
        LDAP_BIND_DN: SERVICE_DN,
        LDAP_BIND_PASSWORD: SERVICE_PASSWORD,
        LDAP_SEARCH_BASE: `ou=persone,${BASE}`,
        LDAP_USER_FILTER: "(&(objectClass=inetOrgPerson)(|(sAMAccountName={user})(mail={user})))",
        LDAP_GROUP_CABINA: GROUPS.cabina,
        LDAP_GROUP_ADMIN: GROUPS.admin,
        LDAP_TIMEOUT_MS: "2000",
        ...extra,
      };
    },
    /** Changes the directory as its administrators would, through an LDAP client bound as root. */
    async change(work: (client: Client) => Promise<void>) {
      const client = new Client({ url: directory.url });
      try {
        await client.bind(ROOT_DN, ROOT_PASSWORD);
        await work(client);
      } finally {
        await client.unbind();
      }
    },
    disable(person: { user: string }) {
      return directory.change((client) =>
        client.modify(
          dnOf(person),
          new Change({
            operation: "replace",
            modification: new Attribute({ type: "userAccountControl", values: ["514"] }),
          }),
        ),
      );
    },
    remove(person: { user: string }) {
      return directory.change((client) => client.del(dnOf(person)));
    },
    add(person: DirectoryPerson) {
      const attributes: Record<string, string | string[]> = {};
      for (const line of entryOf(person).split("\n").slice(1)) {
        const [name, value] = line.includes(":: ")
          ? [line.split(":: ")[0]!, Buffer.from(line.split(":: ")[1]!, "base64").toString()]
          : [line.split(": ")[0]!, line.split(": ").slice(1).join(": ")];
        const before = attributes[name];
        attributes[name] = before === undefined ? value : ([] as string[]).concat(before, value);
      }
      return directory.change((client) => client.add(dnOf(person), attributes));
    },
    /** SIGSTOP: connections are accepted by the kernel and never answered, as with a hung server. */
    pause() {
      child?.kill("SIGSTOP");
    },
    resume() {
      child?.kill("SIGCONT");
    },
    /** Stops the server: connections are refused until `start`. */
    async stop() {
      if (!child || child.exitCode !== null) return;
      const exited = new Promise((resolve) => child!.once("exit", resolve));
      child.kill("SIGCONT");
      child.kill("SIGTERM");
      await exited;
      child = null;
    },
    start,
  };

  beforeAll(async () => {
    ports = { ldap: await freePort(), ldaps: await freePort() };
    mkdirSync(path.join(dir, "db"));
    certificates(dir);
    writeFileSync(path.join(dir, "pionieri-test.schema"), SCHEMA);
    writeFileSync(
      path.join(dir, "slapd.conf"),
      [
        "include /etc/ldap/schema/core.schema",
        "include /etc/ldap/schema/cosine.schema",
        "include /etc/ldap/schema/inetorgperson.schema",
        `include ${path.join(dir, "pionieri-test.schema")}`,
        "modulepath /usr/lib/ldap",
        "moduleload back_mdb",
        `pidfile ${path.join(dir, "slapd.pid")}`,
        `TLSCACertificateFile ${path.join(dir, "ca.crt")}`,
        `TLSCertificateFile ${path.join(dir, "server.crt")}`,
        `TLSCertificateKeyFile ${path.join(dir, "server.key")}`,
        // An unauthenticated bind (a DN with an empty password) succeeds on some servers: on ours
        // too, so that a test shows an empty password still signs nobody in.
        "allow bind_anon_dn",
        "database mdb",
        "maxsize 10485760",
        `suffix "${BASE}"`,
        `rootdn "${ROOT_DN}"`,
        `rootpw ${ROOT_PASSWORD}`,
        `directory ${path.join(dir, "db")}`,
        "index objectClass,sAMAccountName,mail eq",
      ].join("\n"),
    );
    writeFileSync(path.join(dir, "data.ldif"), ldif(people));
    execFileSync("/usr/sbin/slapadd", ["-f", path.join(dir, "slapd.conf"), "-l", path.join(dir, "data.ldif")], {
      stdio: "pipe",
    });
    await start();
  });

  afterAll(async () => {
    await directory.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  return directory;
}

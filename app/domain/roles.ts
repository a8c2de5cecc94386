/** The fixed list of roles. Group leadership is not a role: it is a flag on a Membership. */
export const ROLES = ["DIPENDENTE", "CABINA", "ADMIN", "OSSERVATORE"] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** Who is acting: what the policy needs to know, nothing more. */
export type Actor = {
  id: string;
  role: Role;
  active: boolean;
  /** ids of the groups this person is a member of */
  memberOf: readonly string[];
  /** ids of the groups this person leads (a subset of memberOf) */
  leaderOf: readonly string[];
};

/** The name an anonymised account shows wherever its content appears (app/domain/users.server.ts). */
export const FORMER_COLLEAGUE = "ex collaboratore";

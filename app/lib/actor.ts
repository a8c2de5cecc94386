/**
 * Who is acting: the fixed list of roles and what the policy (app/domain/policy.server.ts; the
 * browser's few rules in policy-shared.ts) needs to know
 * of a person. Here in lib because the session (lib/auth.server.ts) builds it; what each role may
 * do is the domain's to say. Group leadership is not a role: it is a flag on a Membership.
 */
export const ROLES = ["DIPENDENTE", "CABINA", "ADMIN", "OSSERVATORE"] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

export type Actor = {
  id: string;
  role: Role;
  active: boolean;
  /** ids of the groups this person is a member of */
  memberOf: readonly string[];
  /** ids of the groups this person leads (a subset of memberOf) */
  leaderOf: readonly string[];
};

import type { Db } from "../../app/lib/db/client.server";
import { addMember, buildPhase, buildUser } from "./factories";

export const PASSWORD = "una-password-lunga-42";

/**
 * The cast every permission test needs: one person per role, a leader of `logistica` and one
 * of `informatica`, a plain member, and a deactivated account; the five groups; one phase.
 */
export async function seedScenario(db: Db) {
  // The five groups come with the migrations (reference data); the phase is made around today
  // so that the banner does not depend on the calendar.
  const groups: Record<string, { id: string; slug: string; name: string }> = {};
  for (const group of await db.workingGroup.findMany({ select: { id: true, slug: true, name: true } }))
    groups[group.slug] = group;
  await db.phase.deleteMany();
  await buildPhase(db, {
    name: "Esplorazione delle idee",
    startsOn: new Date(Date.now() - 30 * 86400_000),
    endsOn: new Date(Date.now() + 60 * 86400_000),
  });
  const user = (
    email: string,
    displayName: string,
    role: "DIPENDENTE" | "CABINA" | "ADMIN" | "OSSERVATORE" = "DIPENDENTE",
    active = true,
  ) => buildUser(db, { email, displayName, role, active, password: PASSWORD, office: "URP" });

  const admin = await user("admin@test.example", "Ada Admin", "ADMIN");
  const board = await user("cabina@test.example", "Bruno Cabina", "CABINA");
  const leader = await user("leader.logistica@test.example", "Lia Logistica");
  const otherLeader = await user("leader.informatica@test.example", "Ivo Informatica");
  const employee = await user("dipendente@test.example", "Dario Dipendente");
  const member = await user("membro@test.example", "Marta Membro");
  const observer = await user("osservatore@test.example", "Olga Osservatrice", "OSSERVATORE");
  const inactive = await user("inattivo@test.example", "Ivan Inattivo", "DIPENDENTE", false);

  await addMember(db, leader.id, groups.logistica!.id, { isLeader: true });
  await addMember(db, otherLeader.id, groups.informatica!.id, { isLeader: true });
  await addMember(db, member.id, groups.logistica!.id);

  return { groups, users: { admin, board, leader, otherLeader, employee, member, observer, inactive } };
}

export type Scenario = Awaited<ReturnType<typeof seedScenario>>;

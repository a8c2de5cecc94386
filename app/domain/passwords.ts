import type { MessageKey } from "~/lib/i18n";

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;

/**
 * Passwords of ten characters or more that top the published leak lists (and their
 * Italian cousins). Shorter ones are already refused by the length rule.
 */
const COMMON = new Set(
  [
    "1234567890", "0123456789", "12345678910", "123456789a", "1234567890a", "a123456789",
    "1q2w3e4r5t", "1q2w3e4r5t6y", "1qaz2wsx3edc", "qwertyuiop", "qwertyuiop1", "asdfghjkl1",
    "asdfghjkl;", "zxcvbnm123", "qwerty1234", "qwerty12345", "qwerty123456", "password12",
    "password123", "password1234", "password01", "password!1", "passw0rd12", "p@ssw0rd12",
    "p@ssword123", "iloveyou12", "iloveyou123", "1111111111", "0000000000", "9876543210",
    "1122334455", "1231231234", "abcdefghij", "abcd123456", "abc1234567", "abcdef1234",
    "football12", "baseball12", "basketball", "superman12", "batman1234", "michael123",
    "sunshine12", "princess12", "welcome123", "welcome1234", "letmein123", "changeme12",
    "administrator", "admin12345", "admin123456", "trustno1234", "starwars12", "dragon1234",
    "monkey1234", "master1234", "whatever12", "computer12", "internet12", "123qweasd", 
    "123qweasdzxc", "qazwsxedc1", "qazwsxedcrfv", "1q2w3e4r5t6y7u", "zaq12wsxcde3",
    "passwordpassword", "password2024", "password2025", "password2026", "ciao123456",
    "ciaociao12", "ciaociao123", "juventus12", "juventus123", "juventus1897", "napoli1926",
    "forzainter", "forzamilan", "forzajuve1", "forzanapoli", "forzaroma1", "francesco1",
    "francesca1", "alessandro", "alessandra", "giuseppe12", "antonio123", "cesena1940",
    "cesena12345", "comunecesena", "comunedicesena", "benvenuto1", "benvenuto123",
    "password.1", "passwordcomune", "comune12345", "comune123456", "ciaomamma1", "tiamo12345",
    "amoremio12", "1234554321", "1234512345", "0987654321", "qwertzuiop", "azertyuiop",
    "pionieri123", "pionieri2026", "sportello123",
  ].map((p) => p.toLowerCase()),
);

/** Returns the reason a password is refused, or null when it is acceptable. */
export function passwordProblem(password: string, email?: string): MessageKey | null {
  if (password.length < PASSWORD_MIN) return "v.passwordTooShort";
  if (password.length > PASSWORD_MAX) return "v.passwordTooLong";
  const lower = password.toLowerCase();
  if (COMMON.has(lower) || /^(.)\1+$/.test(password)) return "v.passwordCommon";
  const local = email?.split("@")[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local)) return "v.passwordLikeEmail";
  return null;
}

/**
 * A day `days` from now as the server counts days: in Rome (YYYY-MM-DD). A day counted in UTC
 * is yesterday for the server between midnight in Rome and midnight in UTC, when a form's
 * "today" is refused as past.
 */
const romeDays = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Rome" });
export const inDays = (days: number) => romeDays.format(new Date(Date.now() + days * 86_400_000));

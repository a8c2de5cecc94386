/**
 * A short visible action ("Modifica", "Elimina") that says to a screen reader what it acts on, so
 * that a row of identical buttons is not a list of identical names when tabbing through a table.
 */
export function ActionLabel({ text, about }: { text: string; about: string }) {
  return (
    <>
      {text}
      <span className="visually-hidden"> {about}</span>
    </>
  );
}

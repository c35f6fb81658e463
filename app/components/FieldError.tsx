/**
 * The message at a field: red text with a hidden "Fout:" for screen readers. Give the field
 * aria-describedby={id} and aria-invalid while there is a message.
 */
export function FieldError({ id, message }: { id?: string; message: string | null | undefined }) {
  if (!message) return null;
  return (
    <p className="question__error" id={id}>
      <span className="visually-hidden">Fout: </span>
      {message}
    </p>
  );
}

/** An error the person at the till must read; announced by screen readers as soon as it appears. */
export function AlertMessage({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <p role="alert" className="alert">
      {message}
    </p>
  );
}

/** A confirmation ("Created …"): announced politely, not as an error. */
export function StatusMessage({ message }: { message: string | null | undefined }) {
  return (
    <p role="status" className="status-message">
      {message ?? ''}
    </p>
  );
}

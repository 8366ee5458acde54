/** A confirmation after a change (e.g. "The organization was saved."), announced politely. */
export function Notice({ children }: { children: React.ReactNode }) {
  return (
    <div className="notice notice--success" role="status">
      {children}
    </div>
  );
}

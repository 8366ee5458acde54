export type StatusTone = "green" | "blue" | "grey" | "amber" | "red";

/** A status in words (never colour alone) with a colour for quick scanning. */
export function StatusBadge({ tone, children }: { tone: StatusTone; children: React.ReactNode }) {
  return <strong className={`status status--${tone}`}>{children}</strong>;
}

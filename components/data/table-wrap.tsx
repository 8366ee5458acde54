import type { ReactNode } from "react";

/**
 * Around a table that may scroll sideways on a narrow screen or with long names: a region named
 * like the table, focusable so that keyboard users can scroll it too (WCAG 2.1.1).
 */
export function TableWrap({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}

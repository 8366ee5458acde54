"use client";

import { useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { summaryText, type SummaryItem } from "./summary-items";

/**
 * Lists every problem at the top of a form, takes focus when it appears (screen readers read it
 * at once) and links each message to its field, named by its label. `attempt` changes on every
 * failed submission so focus moves again even when the messages are the same.
 */
export function ErrorSummary({ items, attempt }: { items: SummaryItem[]; attempt: number }) {
  const t = useTranslations("errors");
  const ref = useRef<HTMLDivElement>(null);
  const visible = items.length > 0;

  useEffect(() => {
    if (!visible) return;
    ref.current?.focus();
    const prefix = t("titlePrefix");
    if (!document.title.startsWith(prefix)) document.title = `${prefix} ${document.title}`;
    return () => {
      if (document.title.startsWith(prefix)) document.title = document.title.slice(prefix.length + 1);
    };
  }, [visible, attempt, t]);

  if (!visible) return null;
  return (
    <div className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1} ref={ref}>
      <h2 id="error-summary-title">{t("summaryTitle")}</h2>
      <ul>
        {items.map((item, i) => (
          <li key={`${item.fieldId ?? "form"}-${i}`}>
            {item.fieldId ? (
              <a
                href={`#${item.fieldId}`}
                onClick={(e) => {
                  e.preventDefault();
                  document.getElementById(item.fieldId!)?.focus();
                }}
              >
                {summaryText(item)}
              </a>
            ) : (
              summaryText(item)
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

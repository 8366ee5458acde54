/**
 * One line of an error summary. A field's line carries the field's label: the summary is read
 * apart from the form, and "This field is required." alone would not say which field is meant.
 * A line without a label is about the whole form (it may still link to where to start again).
 */
export type SummaryItem = { fieldId?: string; label?: string; message: string };

/**
 * The summary's items: each field's message under its label, in form order, then a message for
 * the whole form. `fieldLabels` maps each field's id (the link's target) to its label, in the
 * order the fields appear. Plain (not a client module) so server-rendered pages use it too.
 */
export function summaryItems<Id extends string>(
  fieldLabels: Readonly<Record<Id, string>>,
  errorOf: (fieldId: Id) => string | undefined,
  formMessage?: SummaryItem,
): SummaryItem[] {
  return [
    ...(Object.entries(fieldLabels) as [Id, string][]).flatMap(([fieldId, label]) => {
      const message = errorOf(fieldId);
      return message ? [{ fieldId, label, message }] : [];
    }),
    ...(formMessage ? [formMessage] : []),
  ];
}

/** The fields' ids mapped to their labels, in the fields' order: what `summaryItems` takes. */
export function labelsOf<Id extends string>(fieldIds: readonly Id[], labelOf: (fieldId: Id) => string): Record<Id, string> {
  return Object.fromEntries(fieldIds.map((fieldId) => [fieldId, labelOf(fieldId)])) as Record<Id, string>;
}

/** What the summary shows for an item: "Label: message", or the form's message as it is. */
export const summaryText = (item: SummaryItem) => (item.label ? `${item.label}: ${item.message}` : item.message);

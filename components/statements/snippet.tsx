/**
 * A search passage from ts_headline: matches arrive between the control characters \u0002 and
 * \u0003 (never markup), so the statement's text stays text and only <mark> is ours.
 */
export function StatementSnippet({ snippet }: { snippet: string }) {
  const parts = snippet.split(/(\u0002[^\u0003]*\u0003)/);
  return (
    <p className="statement-list__snippet">
      {parts.map((part, i) => (part.startsWith("\u0002") ? <mark key={i}>{part.slice(1, -1)}</mark> : part.replace(/[\u0002\u0003]/g, "")))}
    </p>
  );
}

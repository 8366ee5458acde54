import { originalLanguages, type OriginalLanguage } from "./vocabulary";

/** What a public statement's path asks for beyond the statement: a version (latest when null) and a language (the reader's when null). */
export type StatementView = { version: number | null; language: OriginalLanguage | null };

const languageNamed = (value: string) => originalLanguages.find((l) => l === value);

/**
 * The view in the path, so that every view is a page the cache can keep: `/statements/ID` (the
 * latest version in the reader's language), `/statements/ID/ru` (another language),
 * `/statements/ID/versions/1` and `/statements/ID/versions/1/ru` (an earlier version). Null for
 * any other path.
 */
export function statementViewOf(segments: string[] | undefined): StatementView | null {
  const [first, second, third, ...rest] = segments ?? [];
  if (first === undefined) return { version: null, language: null };
  if (first !== "versions") {
    const language = languageNamed(first);
    return language && second === undefined ? { version: null, language } : null;
  }
  const language = third === undefined ? null : languageNamed(third);
  if (!/^[1-9][0-9]{0,5}$/.test(second ?? "") || rest.length > 0 || language === undefined) return null;
  return { version: Number(second), language };
}

/** The path of a view of a statement whose latest version is `latest` (see statementViewOf): the latest needs no number. */
export function statementViewPath(statementId: string, latest: number, view: StatementView) {
  const earlier = view.version !== null && view.version !== latest ? ["versions", String(view.version)] : [];
  return [`/statements/${statementId}`, ...earlier, ...(view.language ? [view.language] : [])].join("/");
}

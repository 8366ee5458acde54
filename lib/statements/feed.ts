import "server-only";
import { Feed } from "feed";
import type { Locale } from "@/i18n/routing";
import { emailTranslator } from "@/lib/email/translator";
import { getEnv } from "@/lib/env";
import type { PublicStatementSummary } from "./public";

/**
 * An Atom feed (RFC 4287) of public statements: one entry per statement, updated when a
 * correction is published, linking to the statement's page in the reader's language.
 */
export function statementsAtom(locale: Locale, entries: PublicStatementSummary[], feed: { title: string; selfPath: string; kindLabel: (kind: PublicStatementSummary["kind"]) => string }) {
  const site = getEnv().SITE_URL;
  const url = (path: string) => new URL(path, site).toString();
  const updated = entries.reduce((latest, e) => (e.publishedAt > latest ? e.publishedAt : latest), "1970-01-01T00:00:00.000Z");
  const atom = new Feed({
    id: url(feed.selfPath),
    title: feed.title,
    link: url(`/${locale}/statements`),
    language: locale,
    updated: new Date(updated),
    copyright: emailTranslator(locale)("footer"),
    feedLinks: { atom: url(feed.selfPath) },
  });
  for (const entry of entries) {
    atom.addItem({
      id: `urn:uuid:${entry.id}`,
      title: entry.title,
      link: url(`/${locale}/statements/${entry.id}`),
      date: new Date(entry.publishedAt),
      published: new Date(entry.firstPublishedAt),
      description: `${feed.kindLabel(entry.kind)} · ${entry.organization[locale]} · ${entry.election.titles[locale]}`,
      author: [{ name: entry.organization[locale] }],
      category: [{ name: feed.kindLabel(entry.kind), term: entry.kind }],
    });
  }
  return atom.atom1();
}

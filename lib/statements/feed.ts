import "server-only";
import { Feed } from "feed";
import type { Locale } from "@/i18n/routing";
import { getEnv } from "@/lib/env";
import type { PublicStatementSummary } from "./public";

type FeedOptions = {
  title: string;
  selfPath: string;
  /** Whose the statements are and who publishes them (the feed's `<rights>`). */
  rights: string;
  kindLabel: (kind: PublicStatementSummary["kind"]) => string;
  /** The feed's `<updated>` when it has no entries (RFC 4287 requires one): the time of the request. */
  now: Date;
};

/**
 * An Atom feed (RFC 4287) of public statements: one entry per statement, updated when a
 * correction is published, linking to the statement's page in the reader's language.
 */
export function statementsAtom(locale: Locale, entries: PublicStatementSummary[], feed: FeedOptions) {
  const site = getEnv().SITE_URL;
  const url = (path: string) => new URL(path, site).toString();
  const latest = entries.reduce<string | null>((latest, e) => (latest === null || e.publishedAt > latest ? e.publishedAt : latest), null);
  const atom = new Feed({
    id: url(feed.selfPath),
    title: feed.title,
    link: url(`/${locale}/statements`),
    language: locale,
    updated: latest ? new Date(latest) : feed.now,
    copyright: feed.rights,
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

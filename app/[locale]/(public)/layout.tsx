import { PageFrame } from "@/components/layout/page-frame";
import { localeOf } from "@/lib/i18n/locale";

/** Pages for everyone, alike for every visitor, so they can be cached (see PageFrame). */
export default async function PublicLayout({ children, params }: LayoutProps<"/[locale]">) {
  // Layouts render side by side: each names the locale itself, or next-intl would read the request for it.
  await localeOf(params);
  return <PageFrame>{children}</PageFrame>;
}

import { routing, type Locale } from "@/i18n/routing";
import { getEnv } from "@/lib/env";

/** The public verification page of a badge's token, as the badge's QR code opens it. */
export const verificationPath = (locale: Locale, token: string) => `/${locale}/verify?${new URLSearchParams({ t: token })}`;

/**
 * The absolute URL a printed badge's QR code holds. In Turkmen: the badge is read by the host
 * country's polling-station officials, and the page offers the other languages.
 */
export const printedVerificationUrl = (token: string) => new URL(verificationPath(routing.defaultLocale, token), getEnv().SITE_URL).toString();

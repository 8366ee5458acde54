import { Fragment } from "react";
import { WITHHELD_TOKEN } from "@/lib/identity/tokens";

const URL_PATTERN = /(https?:\/\/[^\s<>"]+)/;

/** Plain text with its web addresses as links (not those whose token is withheld); nothing else of the text is interpreted. */
export function LinkedText({ text }: { text: string }) {
  return text.split(URL_PATTERN).map((part, index) =>
    // split() with a capturing group puts the matches at the odd indexes.
    index % 2 === 1 && !part.includes(WITHHELD_TOKEN) ? (
      <a key={index} href={part}>
        {part}
      </a>
    ) : (
      <Fragment key={index}>{part}</Fragment>
    ),
  );
}

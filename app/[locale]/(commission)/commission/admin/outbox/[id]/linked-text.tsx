import { Fragment } from "react";

const URL_PATTERN = /(https?:\/\/[^\s<>"]+)/;

/** Plain text with its web addresses as links; nothing else of the text is interpreted. */
export function LinkedText({ text }: { text: string }) {
  return text.split(URL_PATTERN).map((part, index) =>
    // split() with a capturing group puts the matches at the odd indexes.
    index % 2 === 1 ? (
      <a key={index} href={part}>
        {part}
      </a>
    ) : (
      <Fragment key={index}>{part}</Fragment>
    ),
  );
}

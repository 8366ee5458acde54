import MarkdownIt from "markdown-it";

/**
 * Statements are Markdown written by missions and shown to everyone, so raw HTML is never
 * rendered: `html: false` prints it as text, and markdown-it's validateLink drops `javascript:`,
 * `vbscript:`, `file:` and non-image `data:` links. Links leave the portal with
 * `rel="nofollow noopener"`. Every paragraph gets an id and a link to itself, so a reader can cite it.
 */
const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false });

markdown.renderer.rules.link_open = (tokens, idx, options, _env, self) => {
  tokens[idx]!.attrSet("rel", "nofollow noopener");
  return self.renderToken(tokens, idx, options);
};

type Env = { paragraphLabel?: (n: number) => string };
const labelOf = (env: unknown) => (env as Env | undefined)?.paragraphLabel;

markdown.core.ruler.push("paragraph_ids", (state) => {
  let n = 0;
  for (const token of state.tokens) {
    // Paragraphs of the body itself: those in lists and quotes are hidden (tight lists) or nested.
    if (token.type === "paragraph_open" && token.level === 0) token.attrSet("id", `p${++n}`);
  }
});

markdown.renderer.rules.paragraph_close = (tokens, idx, options, env, self) => {
  const open = tokens.slice(0, idx).findLast((t) => t.type === "paragraph_open" && t.level === tokens[idx]!.level);
  const id = open?.attrGet("id");
  const labelFor = labelOf(env);
  if (typeof id !== "string" || !labelFor) return self.renderToken(tokens, idx, options);
  const label = markdown.utils.escapeHtml(labelFor(Number(id.slice(1))));
  return ` <a class="paragraph-link" href="#${id}" aria-label="${label}">¶</a>${self.renderToken(tokens, idx, options)}`;
};

/** The body as HTML without any markup of the author's own; `paragraphLabel` names each paragraph's link. */
export function renderStatementMarkdown(body: string, paragraphLabel?: (n: number) => string): string {
  return markdown.render(body, { paragraphLabel } satisfies Env);
}

/**
 * The body's words without Markdown, for a page's description and its preview on social media:
 * link texts without their addresses, each block ending as a sentence, at most `limit`
 * characters cut at a word with "…".
 */
export function statementSummaryText(body: string, limit: number): string {
  const blocks: string[] = [];
  for (const token of markdown.parse(body, {})) {
    if (token.type !== "inline") continue;
    const words = (token.children ?? [])
      .map((child) => (child.type === "text" || child.type === "code_inline" ? child.content : child.type === "softbreak" || child.type === "hardbreak" ? " " : ""))
      .join("")
      .replace(/\s+/g, " ")
      .trim();
    if (words) blocks.push(/[.!?:;…]$/.test(words) ? words : `${words}.`);
  }
  const text = blocks.join(" ");
  if (text.length <= limit) return text;
  const cut = text.slice(0, limit - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), 0)) || cut}…`;
}

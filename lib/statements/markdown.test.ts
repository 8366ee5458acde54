import { describe, expect, it } from "vitest";
import { renderStatementMarkdown, statementSummaryText } from "./markdown";

describe("renderStatementMarkdown", () => {
  it("renders headings, lists, tables, quotes and links, links with rel nofollow noopener", () => {
    const html = renderStatementMarkdown("# Findings\n\n- calm\n- orderly\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n> quoted\n\n[ODIHR](https://www.osce.org/odihr)");
    expect(html).toContain("<h1>Findings</h1>");
    expect(html).toContain("<li>calm</li>");
    expect(html).toContain("<table>");
    expect(html).toContain("<blockquote>");
    expect(html).toContain('<a href="https://www.osce.org/odihr" rel="nofollow noopener">ODIHR</a>');
  });

  it("prints raw HTML as text and drops javascript: links", () => {
    const html = renderStatementMarkdown('<script>alert(1)</script>\n\n<img src=x onerror="alert(2)">\n\n[click](javascript:alert(3)) [data](data:text/html;base64,PHNjcmlwdD4=)');
    expect(html).not.toMatch(/<script|<img|href="javascript|href="data/i);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("[click](javascript:alert(3))");
  });

  it("gives each top-level paragraph an id and a named link to itself", () => {
    const html = renderStatementMarkdown("First.\n\nSecond.\n\n- not a paragraph", (n) => `Link to paragraph ${n}`);
    expect(html).toContain('<p id="p1">First. <a class="paragraph-link" href="#p1" aria-label="Link to paragraph 1">¶</a></p>');
    expect(html).toContain('<p id="p2">Second.');
    expect(html).not.toContain('id="p3"');
  });
});

describe("statementSummaryText", () => {
  const body = "# Summary\n\nThe mission observed the process **orderly**, see [the law](https://example.org/law) and <script>alert(1)</script>\n\n| Region | Stations |\n|---|---|\n| Ahal | 120 |\n\n> The count was transparent";

  it("gives the words without Markdown or addresses, each block a sentence", () => {
    expect(statementSummaryText(body, 500)).toBe(
      "Summary. The mission observed the process orderly, see the law and <script>alert(1)</script>. Region. Stations. Ahal. 120. The count was transparent.",
    );
  });

  it("cuts at a word within the limit, with an ellipsis", () => {
    const text = statementSummaryText(body, 40);
    expect(text).toBe("Summary. The mission observed the…");
    expect(text.length).toBeLessThanOrEqual(40);
  });
});

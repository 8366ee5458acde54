import { describe, expect, it } from "vitest";
import { renderStatementMarkdown } from "./markdown";

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

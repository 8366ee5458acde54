import { describe, expect, it } from "vitest";
import { snippetText } from "./snippet-text";

const mark = (word: string) => `\u0002${word}\u0003`;

describe("snippetText", () => {
  it("leaves the words of headings, emphasis, links, quotes and lists, with the match marks", () => {
    expect(snippetText(`Statement. # Summary The mission found the process **${mark("orderly")}**, see [the law](https://example.org/law) > The count was transparent - first item 2. second`)).toBe(
      `Statement. Summary The mission found the process ${mark("orderly")}, see the law The count was transparent first item second`,
    );
  });

  it("drops table rules and pipes, and pieces of syntax cut off at the passage's edges", () => {
    expect(snippetText(`law](https://example.org/law) | Region | ${mark("Stations")} | |---|---| | Ahal | 120 | and [the re`)).toBe(
      `law Region ${mark("Stations")} Ahal 120 and the re`,
    );
  });

  it("keeps words that only look like syntax inside them: hyphens, numbers, underscores in names", () => {
    expect(snippetText("well-organised 2026-03-12 file_name e-mail")).toBe("well-organised 2026-03-12 file_name e-mail");
  });
});

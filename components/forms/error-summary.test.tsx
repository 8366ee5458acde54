import { NextIntlClientProvider } from "next-intl";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import { ErrorSummary } from "./error-summary";
import { labelsOf, summaryItems, type SummaryItem } from "./summary-items";

const errors: Record<string, string> = { password: en.validation.required, email: en.validation.email };
const errorOf = (field: string) => errors[field];

function rendered(items: SummaryItem[]) {
  return renderToStaticMarkup(
    <NextIntlClientProvider locale="en" messages={en} timeZone="Asia/Ashgabat">
      <ErrorSummary items={items} attempt={1} />
    </NextIntlClientProvider>,
  );
}

/** The links' texts, as a screen reader announces them. */
const linkTexts = (html: string) => [...html.matchAll(/<a href="#([^"]+)">([^<]*)<\/a>/g)].map(([, id, text]) => [id, text]);

describe("summaryItems", () => {
  it("names each field with an error by its label, in the form's order, then the form's message", () => {
    const labels = { email: en.signIn.email, password: en.signIn.password, code: "Code" };
    expect(summaryItems(labels, errorOf, { message: en.signIn.invalidCredentials })).toEqual([
      { fieldId: "email", label: "Email address", message: en.validation.email },
      { fieldId: "password", label: "Password", message: "This field is required." },
      { message: en.signIn.invalidCredentials },
    ]);
  });

  it("takes the order of the fields' ids when the labels come from a function", () => {
    expect(labelsOf(["password", "email"] as const, (field) => field.toUpperCase())).toEqual({ password: "PASSWORD", email: "EMAIL" });
    expect(summaryItems(labelsOf(["password", "email"], (field) => field), errorOf).map((item) => item.fieldId)).toEqual(["password", "email"]);
  });
});

describe("ErrorSummary", () => {
  it("links each field's message under the field's label, and shows the form's message as it is", () => {
    const html = rendered(summaryItems({ email: en.signIn.email, password: en.signIn.password }, errorOf, { message: en.signIn.invalidCredentials }));
    expect(html).toContain(`<h2 id="error-summary-title">${en.errors.summaryTitle}</h2>`);
    expect(linkTexts(html)).toEqual([
      ["email", "Email address: Enter an email address like name@example.org."],
      ["password", "Password: This field is required."],
    ]);
    expect(html).toContain(`<li>${en.signIn.invalidCredentials}</li>`);
  });

  it("links a form's message to a field without naming the field", () => {
    const html = rendered([{ fieldId: "email", message: en.signIn.invalidCredentials }]);
    expect(linkTexts(html)).toEqual([["email", en.signIn.invalidCredentials]]);
  });

  it("shows nothing while there is no problem", () => {
    expect(rendered(summaryItems({ code: "Code" }, errorOf))).toBe("");
  });
});

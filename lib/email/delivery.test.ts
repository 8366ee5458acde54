import { describe, expect, it } from "vitest";
import {
  afterFailedAttempt,
  MAX_DELIVERY_ATTEMPTS,
  MAX_RETRY_DELAY_MS,
  recipientDomain,
  retryDelayMs,
  summarizeDeliveryError,
  withoutAddresses,
} from "./delivery";

const middle = () => 0.5; // no jitter
const MINUTE = 60_000;

describe("retryDelayMs", () => {
  it("doubles from the base: 30 s, 1, 2, 4, 8 min…", () => {
    expect([1, 2, 3, 4, 5].map((n) => retryDelayMs(n, 30_000, middle))).toEqual([30_000, MINUTE, 2 * MINUTE, 4 * MINUTE, 8 * MINUTE]);
  });

  it("never waits more than an hour", () => {
    expect(retryDelayMs(8, 30_000, middle)).toBe(MAX_RETRY_DELAY_MS);
    expect(retryDelayMs(40, 30_000, middle)).toBe(MAX_RETRY_DELAY_MS);
  });

  it("spreads retries by ±20 %", () => {
    expect(retryDelayMs(1, 30_000, () => 0)).toBe(24_000);
    expect(retryDelayMs(1, 30_000, () => 0.999_999)).toBe(36_000);
    expect(retryDelayMs(9, 30_000, () => 0.999_999)).toBe(MAX_RETRY_DELAY_MS);
    expect(retryDelayMs(8, 30_000, () => 0)).toBe(0.8 * 128 * 30_000);
  });

  it("follows a short base, as in end-to-end tests", () => {
    expect(retryDelayMs(1, 500, middle)).toBe(500);
    expect(retryDelayMs(3, 500, middle)).toBe(2_000);
  });
});

describe("afterFailedAttempt", () => {
  it("schedules another try while attempts remain", () => {
    expect(afterFailedAttempt(0, 30_000, middle)).toEqual({ status: "pending", attempts: 1, retryInMs: 30_000 });
    expect(afterFailedAttempt(MAX_DELIVERY_ATTEMPTS - 2, 30_000, middle)).toMatchObject({ status: "pending", attempts: MAX_DELIVERY_ATTEMPTS - 1 });
  });

  it("gives up at the last attempt", () => {
    expect(afterFailedAttempt(MAX_DELIVERY_ATTEMPTS - 1, 30_000)).toEqual({ status: "failed", attempts: MAX_DELIVERY_ATTEMPTS });
  });
});

describe("summarizeDeliveryError", () => {
  it("keeps the code and the first line", () => {
    const error = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:25"), { code: "ESOCKET" });
    expect(summarizeDeliveryError(error)).toBe("ESOCKET: connect ECONNREFUSED 127.0.0.1:25");
    expect(summarizeDeliveryError(Object.assign(new Error("Invalid login: 535 bad\nmore detail"), { code: "EAUTH" }))).toBe(
      "EAUTH: Invalid login: 535 bad",
    );
  });

  it("cuts credentials out of any URL and long replies to 300 characters", () => {
    expect(summarizeDeliveryError(new Error("cannot reach smtps://mailer:s3cret@mail.example:465"))).toBe(
      "cannot reach smtps://mail.example:465",
    );
    const long = summarizeDeliveryError(new Error("x".repeat(1_000)));
    expect(long).toHaveLength(300);
    expect(long.endsWith("…")).toBe(true);
  });

  it("describes what is not an Error", () => {
    expect(summarizeDeliveryError("timeout")).toBe("timeout");
  });
});

describe("addresses in logs", () => {
  it("keeps only the domain", () => {
    expect(recipientDomain("Anna.Kowalska@OSCE.org")).toBe("osce.org");
    expect(recipientDomain("no-at-sign")).toBe("");
    expect(withoutAddresses("451 <anna+down@osce.org>: mailbox busy; also bob@example.com")).toBe(
      "451 <…@osce.org>: mailbox busy; also …@example.com",
    );
  });
});

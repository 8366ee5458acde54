import { startMailSink } from "./mail-sink";

/** Starts the mail sink for the whole run; Playwright calls the returned function as the global teardown. */
export default async function globalSetup() {
  return startMailSink();
}

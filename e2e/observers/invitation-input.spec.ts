import { expect, test } from "@playwright/test";
import { signInAs } from "../fixtures";
import { postServerAction, serverActionId } from "../server-actions";

// Found by the fuzzer (npm run test:fuzz): a refused language redirected to a page address built from the
// posted ids, and a line break in one made the redirect header invalid — a 500.
test("an observer invitation posted with ids that are no ids is not found, whatever the language says", async ({ page, baseURL }) => {
  await signInAs(page, "coordinator");
  const unknown = "00000000-0000-4000-8000-000000000000";
  for (const [missionId, observerId] of [
    ["x\r\nSet-Cookie: a=b", unknown],
    [unknown, "../../../commission"],
    ["\u202E", "\u0000"],
  ]) {
    const response = await postServerAction(page.request, {
      page: `/en/portal/applications/${unknown}/observers/${unknown}`,
      actionId: serverActionId("inviteObserverAction"),
      origin: baseURL!,
      form: [["missionId", missionId!], ["observerId", observerId!], ["emailLocale", "xx"]],
      argumentCount: 1,
    });
    expect(response.status(), JSON.stringify([missionId, observerId])).toBe(404);
  }
});

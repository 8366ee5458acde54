import { z } from "zod";
import { requiredChoice, requiredText } from "../schema-fields";
import { decisionReasons } from "../vocabulary";

/** The commission's words that the coordinator reads: a comment, a reason. */
export const reviewCommentSchema = z.object({ comment: requiredText(4000) });

/** A refusal or a revocation: a reason from the list, and the reviewer's explanation. */
export const observerReasonSchema = z.object({ reasonCode: requiredChoice(decisionReasons), reason: requiredText(1000) });

export const rejectionSchema = z.object({ reason: requiredText(2000) });

/** "id:version" as each row's checkbox sends it: the observer and the version the reviewer saw. */
export const seenObserverSchema = z
  .string()
  .regex(/^[0-9a-f-]{36}:\d{1,9}$/i)
  .transform((value) => {
    const [observerId, version] = value.split(":");
    return { observerId: observerId!, version: Number(version) };
  });

import { z } from "zod";
import { hasNoNul } from "@/lib/accreditation/schema-fields";

/** The verification page's lookup by accreditation number and surname. */
export const lookupFormSchema = z.object({
  number: z.string().trim().min(1).max(40).refine(hasNoNul),
  surname: z.string().trim().min(1).max(200).refine(hasNoNul),
});

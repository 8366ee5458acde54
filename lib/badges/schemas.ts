import { z } from "zod";

/** The verification page's lookup by accreditation number and surname. */
export const lookupFormSchema = z.object({
  number: z.string().trim().min(1).max(40),
  surname: z.string().trim().min(1).max(200),
});

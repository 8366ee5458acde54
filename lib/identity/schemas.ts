import { z } from "zod";

export const signInSchema = z.object({
  email: z.string().trim().min(1, "required").max(254, "tooLong").pipe(z.email("email")),
  password: z.string().min(1, "required").max(256, "tooLong"),
});
export type SignInInput = z.infer<typeof signInSchema>;

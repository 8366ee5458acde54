import { handlers } from "@/lib/identity/auth";

export const { GET, POST } = handlers;

import { notFound } from "next/navigation";
import { cachedPublicRegister } from "@/lib/public/cache";
import { electionKeyOf } from "@/lib/public/register";

/** The register behind an election's public pages; the portal's 404 for anything not published. */
export async function registerOf(params: Promise<{ election: string }>) {
  const key = electionKeyOf((await params).election);
  const register = key ? await cachedPublicRegister(key) : null;
  if (!register) notFound();
  return register;
}

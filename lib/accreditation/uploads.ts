import "server-only";
import { processPhoto, photoErrorMessages, type ProcessedPhoto } from "@/lib/files/photo";
import type { FieldErrors } from "@/lib/forms";

/** Files posted to the accreditation forms (the coordinator's and the commission's). */

/** An uploaded file, or null when the input was left empty. */
export async function uploaded(formData: FormData, name: string) {
  const file = formData.get(name);
  if (!(file instanceof File) || file.size === 0) return null;
  return { bytes: Buffer.from(await file.arrayBuffer()), name: file.name };
}

/** The photo of an observer form, checked and re-encoded; a refusal is the photo field's error. */
export async function observerPhoto(formData: FormData): Promise<{ photo: ProcessedPhoto | null } | { fieldErrors: FieldErrors }> {
  const file = await uploaded(formData, "photo");
  if (!file) return { photo: null };
  const processed = await processPhoto(file.bytes);
  return processed.ok ? { photo: processed.photo } : { fieldErrors: { photo: photoErrorMessages[processed.error] } };
}

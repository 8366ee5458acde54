import "server-only";
import { processPhoto, photoErrorMessages, type ProcessedPhoto } from "@/lib/files/photo";
import type { FieldErrors } from "@/lib/forms";

/** Files posted to the accreditation forms (the coordinator's and the commission's). */

/** The file the user chose, even an empty one; null when none was chosen. */
export async function chosenFile(formData: FormData, name: string) {
  const file = formData.get(name);
  // A file input left empty posts a nameless, empty file.
  if (!(file instanceof File) || (file.name === "" && file.size === 0)) return null;
  return { bytes: Buffer.from(await file.arrayBuffer()), name: file.name };
}

/** An uploaded file, or null when the input was left empty (an empty file counts as none). */
export async function uploaded(formData: FormData, name: string) {
  const file = await chosenFile(formData, name);
  return file && file.bytes.length > 0 ? file : null;
}

/** The photo of an observer form, checked and re-encoded; a refusal is the photo field's error. */
export async function observerPhoto(formData: FormData): Promise<{ photo: ProcessedPhoto | null } | { fieldErrors: FieldErrors }> {
  const file = await uploaded(formData, "photo");
  if (!file) return { photo: null };
  const processed = await processPhoto(file.bytes);
  return processed.ok ? { photo: processed.photo } : { fieldErrors: { photo: photoErrorMessages[processed.error] } };
}

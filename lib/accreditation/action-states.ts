import type { FieldErrors } from "@/lib/forms";
import type { ReportedImportError } from "./import";

/** What the list import answers when it does not redirect: the report, or why nothing could be done. */
export type ImportState =
  | { status: "idle" }
  | { status: "error"; errors: ReportedImportError[]; total: number }
  | { status: "refused"; refusal: "notEditable" | "windowClosed" };

/** What the ZIP photo import answers: how many photos were attached and which files were not. */
export type PhotoImportState =
  | { status: "idle" }
  | { status: "error"; error: FieldErrors[string] }
  | { status: "refused"; refusal: "notEditable" | "windowClosed" }
  | { status: "done"; attached: number; rejected: { fileName: string; code: FieldErrors[string] }[] };

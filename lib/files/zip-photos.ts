import yauzl, { type Entry, type ZipFile } from "yauzl";
import type { ValidationKey } from "@/lib/forms";
import { PHOTO_MAX_BYTES, photoErrorMessages, processPhoto, type PhotoError, type ProcessedPhoto } from "./photo";
import { sniffMediaType } from "./sniff";
import { inflateEntry } from "./zip-inflate";

/**
 * Photos for imported observers, sent as one ZIP whose files are named by passport number
 * ("AB1234567.jpg"). Archives are hostile until read: a few kilobytes can inflate to gigabytes,
 * headers can lie about sizes, and a directory can list millions of entries. So the directory is
 * read first and the archive refused whole if it is too big; then each photo is inflated with its
 * bytes counted as they come, and stopped at the limit whatever its header said.
 */
/** What one upload may carry (next.config.ts lets Server Actions take a little more); larger lists come in several ZIPs. */
export const ZIP_MAX_BYTES = 50 * 1024 * 1024;
/** One photo per observer, and an import brings at most 2,000 observers. */
export const ZIP_MAX_PHOTOS = 2000;
export const ZIP_MAX_TOTAL_UNCOMPRESSED = 200 * 1024 * 1024;
/**
 * Directory records read at all, folders and skipped files included (a Mac adds a `__MACOSX/._`
 * twin for every file): reading them inflates nothing, this only bounds the time spent.
 */
const ZIP_MAX_DIRECTORY_RECORDS = 10_000;

export type ZipError = "notZip" | "tooLarge" | "tooManyEntries" | "tooLargeTotal" | "corrupt" | "unsafePath";
export type ZipEntryError = PhotoError | "unknownPassport" | "duplicatePassport";

export const zipErrorMessages = {
  notZip: "zipNotZip",
  tooLarge: "zipTooLarge",
  tooManyEntries: "zipTooManyEntries",
  tooLargeTotal: "zipTooLargeTotal",
  corrupt: "zipCorrupt",
  unsafePath: "zipUnsafePath",
} as const satisfies Record<ZipError, ValidationKey>;

export const zipEntryErrorMessages = {
  ...photoErrorMessages,
  unknownPassport: "zipUnknownPassport",
  duplicatePassport: "zipDuplicatePassport",
} as const satisfies Record<ZipEntryError, ValidationKey>;

export type ZipPhotoEntry = {
  /** The entry's name without its folders: all the report needs to point at the file. */
  fileName: string;
  /** The name without its extension, normalized like the mission's passport numbers. */
  passportNumber: string;
} & ({ ok: true; photo: ProcessedPhoto } | { ok: false; error: ZipEntryError });

export type ZipPhotosResult = { ok: true; entries: ZipPhotoEntry[] } | { ok: false; error: ZipError };

/** Passport numbers compare without spaces and case: "ab 123 4567" is AB1234567. */
export function normalizePassportNumber(value: string) {
  return value.normalize("NFKC").replace(/\s+/g, "").toUpperCase();
}

const baseName = (path: string) => path.slice(path.lastIndexOf("/") + 1);

/** Folders, the resource forks a Mac adds, and hidden or system files are not photos anyone sent. */
function isSkipped(path: string) {
  const name = baseName(path);
  return (
    path.endsWith("/") ||
    path.startsWith("__MACOSX/") ||
    name.startsWith(".") ||
    ["thumbs.db", "desktop.ini"].includes(name.toLowerCase())
  );
}

class ArchiveRefused extends Error {
  constructor(readonly code: ZipError) {
    super(code);
  }
}

/** The directory's photo entries, or the reason the whole archive is refused. */
async function listPhotoEntries(zip: ZipFile): Promise<Entry[]> {
  if (zip.entryCount > ZIP_MAX_DIRECTORY_RECORDS) throw new ArchiveRefused("tooManyEntries");
  const entries: Entry[] = [];
  let declaredTotal = 0;
  const entriesRead = zip.eachEntry()[Symbol.asyncIterator]();
  for (;;) {
    const next = await entriesRead.next().catch((error: unknown) => {
      // yauzl refuses a name that is absolute or climbs out with "..": said as such, not as damage.
      if (error instanceof Error && /^(absolute path|invalid relative path): /.test(error.message)) throw new ArchiveRefused("unsafePath");
      throw error;
    });
    if (next.done) break;
    const entry = next.value;
    if (isSkipped(entry.fileName)) continue;
    entries.push(entry);
    declaredTotal += entry.uncompressedSize;
    if (entries.length > ZIP_MAX_PHOTOS) throw new ArchiveRefused("tooManyEntries");
    if (declaredTotal > ZIP_MAX_TOTAL_UNCOMPRESSED) throw new ArchiveRefused("tooLargeTotal");
  }
  return entries;
}

/**
 * Reads a ZIP of photos named by passport number. `missionPassports` are the passport numbers of
 * the mission's observers; a file naming any other is reported, not processed. Each matching
 * photo goes through `processPhoto`, so entries come back re-encoded or with the reason.
 *
 * The archive and the processed photos are held in memory: callers bound the upload to
 * ZIP_MAX_BYTES before reading it.
 */
export async function readZipPhotos(archive: Buffer, missionPassports: Iterable<string>): Promise<ZipPhotosResult> {
  if (archive.length > ZIP_MAX_BYTES) return { ok: false, error: "tooLarge" };
  if (sniffMediaType(archive) !== "application/zip") return { ok: false, error: "notZip" };

  let zip: ZipFile;
  try {
    // Sizes in headers serve only to refuse early; the limits hold on the bytes counted while
    // inflating, so yauzl's own comparison with the header is not needed (and would stop a
    // lying entry as "corrupt" before the count could say what it is: too large).
    zip = await yauzl.fromBufferPromise(archive, { lazyEntries: true, autoClose: false, validateEntrySizes: false });
  } catch {
    return { ok: false, error: "corrupt" };
  }
  try {
    const known = new Set(Array.from(missionPassports, normalizePassportNumber));
    const photoEntries = await listPhotoEntries(zip);
    const seen = new Set<string>();
    const results: ZipPhotoEntry[] = [];
    let inflatedTotal = 0;
    for (const entry of photoEntries) {
      const fileName = baseName(entry.fileName);
      const passportNumber = normalizePassportNumber(fileName.replace(/\.[^.]*$/, ""));
      const report = (error: ZipEntryError) => results.push({ fileName, passportNumber, ok: false, error });

      if (!known.has(passportNumber)) {
        report("unknownPassport");
        continue;
      }
      if (seen.has(passportNumber)) {
        report("duplicatePassport");
        continue;
      }
      seen.add(passportNumber);
      if (entry.uncompressedSize > PHOTO_MAX_BYTES) {
        report("tooLarge");
        continue;
      }
      const { inflatedBytes, result } = await inflateEntry(zip, entry, PHOTO_MAX_BYTES);
      inflatedTotal += inflatedBytes;
      if (inflatedTotal > ZIP_MAX_TOTAL_UNCOMPRESSED) throw new ArchiveRefused("tooLargeTotal");
      if (!result.ok) {
        report(result.error);
        continue;
      }
      const processed = await processPhoto(result.bytes);
      if (processed.ok) results.push({ fileName, passportNumber, ok: true, photo: processed.photo });
      else report(processed.error);
    }
    return { ok: true, entries: results };
  } catch (error) {
    if (error instanceof ArchiveRefused) return { ok: false, error: error.code };
    return { ok: false, error: "corrupt" }; // an unreadable directory record
  } finally {
    zip.close();
  }
}

import type { Readable } from "node:stream";
import type { Entry, ZipFile } from "yauzl";

type Inflated = {
  /** Bytes inflated, kept or not: the archive's total counts them all. */
  inflatedBytes: number;
  result: { ok: true; bytes: Buffer } | { ok: false; error: "tooLarge" | "corrupt" };
};

/** An entry's bytes, counted as they inflate: at most `limit`, whatever the header claims. */
export async function inflateEntry(zip: ZipFile, entry: Entry, limit: number): Promise<Inflated> {
  let stream: Readable;
  try {
    stream = await zip.openReadStreamPromise(entry);
  } catch {
    // Encrypted, an unknown compression method, offsets outside the archive.
    return { inflatedBytes: 0, result: { ok: false, error: "corrupt" } };
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      size += (chunk as Buffer).length;
      if (size > limit) {
        stream.destroy();
        return { inflatedBytes: size, result: { ok: false, error: "tooLarge" } };
      }
      chunks.push(chunk as Buffer);
    }
  } catch {
    return { inflatedBytes: size, result: { ok: false, error: "corrupt" } }; // bad deflate data
  }
  return { inflatedBytes: size, result: { ok: true, bytes: Buffer.concat(chunks, size) } };
}

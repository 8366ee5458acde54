import "server-only";
import { LRUCache } from "lru-cache";
import sharp from "sharp";
import { readFileForDownload } from "./store";

type Scaling = { fileId: string; width: number };

/**
 * Photos scaled down for lists and for the badge check, each made once and kept by the hash of
 * its photo (a new photo is a new entry): an application's page shows fifty faces, and decoding
 * and scaling each photo on every request cost about 20 ms of server time a face. Bounded by size;
 * the least used go first.
 */
const scaled = new LRUCache<string, Buffer, Scaling>({
  maxSize: 32 * 1024 * 1024,
  sizeCalculation: (bytes) => bytes.length,
  // Requests for the same face at once share one scaling.
  fetchMethod: async (_key, _stale, { context }) => {
    const file = await readFileForDownload(context.fileId);
    if (!file) throw new Error(`the photo ${context.fileId} is gone`);
    return sharp(file.content).resize({ width: context.width }).jpeg({ quality: 80 }).toBuffer();
  },
});

/**
 * The photo of a file the caller has ALREADY decided its actor may see, `width` pixels wide, as
 * JPEG. The hash names the bytes, so the cached copy is of this very photo whoever asks.
 */
export async function scaledPhoto(file: { id: string; sha256: string }, width: number): Promise<Buffer> {
  return (await scaled.fetch(`${file.sha256}:${width}`, { context: { fileId: file.id, width } }))!;
}

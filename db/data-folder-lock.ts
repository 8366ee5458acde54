import { closeSync, linkSync, mkdirSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from "node:fs";
import { join } from "node:path";

/**
 * PGlite corrupts its data silently when two processes open one folder, so the embedded
 * database is guarded by a lock file holding the owner's pid. A lock left by a dead process
 * (a crash, kill -9) is taken over; a live owner stops the newcomer with a clear message.
 */
export class DataFolderLockedError extends Error {
  constructor(
    readonly lockPath: string,
    readonly ownerPid: number,
  ) {
    super(
      `The data folder is in use by another process (pid ${ownerPid}). ` +
        `Stop that process, or point DATA_DIR at another folder. ` +
        `If no such process runs, delete ${lockPath}.`,
    );
    this.name = "DataFolderLockedError";
  }
}

function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readOwner(lockPath: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(lockPath, "utf8"), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/**
 * Removes a lock whose owner is gone (a crash, kill -9), or our own from an earlier open. It is
 * moved aside atomically first, so two newcomers cannot both take over: if what was moved is no
 * longer the stale lock (another process took it over meanwhile), it is put back.
 */
function removeStaleLock(lockPath: string, staleOwner: number | null) {
  const aside = `${lockPath}.${process.pid}.stale`;
  try {
    renameSync(lockPath, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return; // someone else removed it: retry
    throw error;
  }
  const moved = readOwner(aside);
  if (moved !== staleOwner && moved !== null && isAlive(moved)) {
    try {
      linkSync(aside, lockPath);
    } finally {
      unlinkSync(aside);
    }
    throw new DataFolderLockedError(lockPath, moved);
  }
  unlinkSync(aside);
}

export function acquireDataFolderLock(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lockPath = join(dataDir, "portal.lock");
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(lockPath, "wx", 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => {
        if (readOwner(lockPath) === process.pid) unlinkSync(lockPath);
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = readOwner(lockPath);
      if (owner !== null && owner !== process.pid && isAlive(owner)) {
        throw new DataFolderLockedError(lockPath, owner);
      }
      removeStaleLock(lockPath, owner);
    }
  }
  throw new Error(`Could not take the lock ${lockPath}`);
}

import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { acquireDataFolderLock, DataFolderLockedError } from "./data-folder-lock";

let dir: string;
const children: ChildProcess[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "portal-lock-test-"));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
});

/** A process that stays alive until killed. */
async function liveProcess(): Promise<ChildProcess & { pid: number }> {
  const child = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" });
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    child.once("spawn", resolve);
    child.once("error", reject);
  });
  if (child.pid === undefined) throw new Error("no pid");
  return child as ChildProcess & { pid: number };
}

/** The pid of a process that has exited (and been reaped). */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
  await new Promise((resolve) => child.once("exit", resolve));
  if (child.pid === undefined) throw new Error("no pid");
  expect(() => process.kill(child.pid!, 0)).toThrow();
  return child.pid;
}

const lockFile = () => join(dir, "portal.lock");

describe("acquireDataFolderLock", () => {
  it("creates portal.lock holding our pid, and release removes it", () => {
    const release = acquireDataFolderLock(dir);
    expect(readFileSync(lockFile(), "utf8")).toBe(String(process.pid));
    release();
    expect(existsSync(lockFile())).toBe(false);
  });

  it("creates a data folder that does not exist yet", () => {
    const nested = join(dir, "a", "b");
    const release = acquireDataFolderLock(nested);
    expect(readFileSync(join(nested, "portal.lock"), "utf8")).toBe(String(process.pid));
    release();
  });

  it("refuses a folder a live other process holds, naming the pid and the lock file", async () => {
    const owner = await liveProcess();
    writeFileSync(lockFile(), String(owner.pid));
    let thrown: unknown;
    try {
      acquireDataFolderLock(dir);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DataFolderLockedError);
    const error = thrown as DataFolderLockedError;
    expect(error.name).toBe("DataFolderLockedError");
    expect(error.ownerPid).toBe(owner.pid);
    expect(error.lockPath).toBe(lockFile());
    expect(error.message).toContain(`pid ${owner.pid}`);
    expect(error.message).toContain(lockFile());
    // The owner's lock is left alone.
    expect(readFileSync(lockFile(), "utf8")).toBe(String(owner.pid));
    owner.kill("SIGKILL");
  });

  it("refuses when the parent process holds the lock", () => {
    writeFileSync(lockFile(), String(process.ppid));
    expect(() => acquireDataFolderLock(dir)).toThrow(DataFolderLockedError);
    expect(readFileSync(lockFile(), "utf8")).toBe(String(process.ppid));
  });

  it("takes over a lock left by a process that has exited", async () => {
    const pid = await deadPid();
    writeFileSync(lockFile(), String(pid));
    const release = acquireDataFolderLock(dir);
    expect(readFileSync(lockFile(), "utf8")).toBe(String(process.pid));
    release();
    expect(existsSync(lockFile())).toBe(false);
  });

  it("takes over a lock once its owner has died", async () => {
    const owner = await liveProcess();
    writeFileSync(lockFile(), String(owner.pid));
    expect(() => acquireDataFolderLock(dir)).toThrow(DataFolderLockedError);
    owner.kill("SIGKILL");
    await new Promise((resolve) => owner.once("exit", resolve));
    const release = acquireDataFolderLock(dir);
    expect(readFileSync(lockFile(), "utf8")).toBe(String(process.pid));
    release();
  });

  it.each(["", "garbage", "-5", "0"])("takes over a lock file with unreadable contents %j", (contents) => {
    writeFileSync(lockFile(), contents);
    const release = acquireDataFolderLock(dir);
    expect(readFileSync(lockFile(), "utf8")).toBe(String(process.pid));
    release();
  });

  it("re-acquires a lock this process already holds", () => {
    const first = acquireDataFolderLock(dir);
    const second = acquireDataFolderLock(dir);
    expect(readFileSync(lockFile(), "utf8")).toBe(String(process.pid));
    second();
    expect(existsSync(lockFile())).toBe(false);
    first(); // already gone: must not throw
  });

  it("release leaves the file alone once another process holds it", async () => {
    const release = acquireDataFolderLock(dir);
    const other = await liveProcess();
    writeFileSync(lockFile(), String(other.pid));
    release();
    expect(readFileSync(lockFile(), "utf8")).toBe(String(other.pid));
    other.kill("SIGKILL");
  });

  it("release does not throw when the file is already gone", () => {
    const release = acquireDataFolderLock(dir);
    rmSync(lockFile());
    expect(() => release()).not.toThrow();
    expect(existsSync(lockFile())).toBe(false);
  });
});

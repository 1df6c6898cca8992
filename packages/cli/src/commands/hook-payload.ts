import { fstatSync, readSync } from "node:fs";

const STDIN = 0;
/** A hook payload is a few KB; reading stops past this (the hook then ignores it). */
const MAX_STDIN_BYTES = 4 * 1024 * 1024 + 1;

/** The hook payload on stdin, read synchronously (no stream set-up); nothing from a terminal. */
export function readHookPayload(): string {
  try {
    if (fstatSync(STDIN).isCharacterDevice()) return "";
  } catch {
    return "";
  }
  const chunks: Buffer[] = [];
  let total = 0;
  const chunk = Buffer.alloc(64 * 1024);
  for (;;) {
    let read: number;
    try {
      read = readSync(STDIN, chunk, 0, chunk.length, null);
    } catch (error) {
      // A non-blocking pipe with nothing in it yet: wait a moment for the agent to write.
      if ((error as NodeJS.ErrnoException).code === "EAGAIN") {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
        continue;
      }
      break;
    }
    if (read === 0) break;
    chunks.push(Buffer.from(chunk.subarray(0, read)));
    total += read;
    if (total >= MAX_STDIN_BYTES) break;
  }
  return Buffer.concat(chunks).toString("utf8");
}

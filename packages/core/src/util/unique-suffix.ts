let calls = 0;

/**
 * A name part no other call, here or in another process, gives: process id, time, a counter and
 * random digits. Files named with it are created exclusively (`wx`), so even a clash is an error,
 * never a shared file; node:crypto would do the same job at twice the start-up cost of a save.
 */
export function uniqueSuffix(): string {
  calls += 1;
  return `${process.pid}.${Date.now().toString(36)}.${calls.toString(36)}.${Math.random().toString(36).slice(2, 10)}`;
}

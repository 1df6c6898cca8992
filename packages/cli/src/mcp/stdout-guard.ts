/**
 * Over stdio, stdout carries only JSON-RPC messages: one stray line from a library's console.log
 * would break the client's parser. Every console method writes to stderr instead; the transport
 * itself writes through `process.stdout`, which stays as it is.
 */
export function guardStdout(): void {
  const toStderr = (...args: unknown[]) => console.error(...args);
  for (const method of ["log", "info", "debug", "dir", "table", "trace", "warn"] as const) {
    (console as unknown as Record<string, unknown>)[method] = toStderr;
  }
}

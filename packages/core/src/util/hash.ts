/**
 * The hex digest of `text`. node:crypto is loaded on the first call, not at start-up: it costs a
 * command that never hashes (status, agents) a tenth of Node's start (bench/README.md).
 */
export function hexDigest(algorithm: "md5" | "sha256", text: string): string {
  return process.getBuiltinModule("node:crypto").createHash(algorithm).update(text, "utf8").digest("hex");
}

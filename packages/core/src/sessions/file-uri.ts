import { fileURLToPath } from "node:url";

/** The path of a file:// URI (another value is returned as it is); undefined for a malformed URI. */
export function fileUriPath(uri: string | undefined): string | undefined {
  if (!uri?.startsWith("file://")) return uri;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

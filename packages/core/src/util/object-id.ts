/** A full git object id as git prints it: 40 (SHA-1) or 64 (SHA-256) lowercase hex digits. */
const OBJECT_ID = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;

export function isObjectId(id: string): boolean {
  return OBJECT_ID.test(id);
}

/**
 * A SQLite database in WAL mode keeps its latest transactions in `<file>-wal` until a checkpoint
 * copies them into the file. An engine that reads the file from memory (sql.js) does not see
 * them, so they are applied here first, the way SQLite's own recovery does: the frames of the
 * WAL whose salts match its header and whose running checksums hold, up to the last commit frame.
 * Format: https://www.sqlite.org/fileformat2.html#walformat ("The WAL File Format").
 */
const WAL_HEADER = 32;
const FRAME_HEADER = 24;
const MAGIC_LITTLE = 0x377f0682;
const MAGIC_BIG = 0x377f0683;

function checksum(data: Uint8Array, bigEndian: boolean, seed: [number, number]): [number, number] {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let [s0, s1] = seed;
  for (let i = 0; i + 8 <= data.length; i += 8) {
    s0 = (s0 + view.getUint32(i, !bigEndian) + s1) >>> 0;
    s1 = (s1 + view.getUint32(i + 4, !bigEndian) + s0) >>> 0;
  }
  return [s0, s1];
}

/** `db` with the committed frames of `wal` applied, as a database in rollback-journal mode. */
export function applyWal(db: Uint8Array, wal: Uint8Array | undefined): Uint8Array {
  let pageSize = db.length >= 100 ? new DataView(db.buffer, db.byteOffset).getUint16(16) : 0;
  if (pageSize === 1) pageSize = 65536;
  const pages = new Map<number, Uint8Array>();
  let pageCount = pageSize ? Math.floor(db.length / pageSize) : 0;
  if (wal && wal.length >= WAL_HEADER) {
    const header = new DataView(wal.buffer, wal.byteOffset, wal.byteLength);
    const magic = header.getUint32(0);
    const walPageSize = header.getUint32(8);
    const bigEndian = magic === MAGIC_BIG;
    let sum = checksum(wal.subarray(0, 24), bigEndian, [0, 0]);
    const valid = (magic === MAGIC_BIG || magic === MAGIC_LITTLE) && sum[0] === header.getUint32(24) && sum[1] === header.getUint32(28);
    if (valid && walPageSize >= 512 && (!pageSize || walPageSize === pageSize)) {
      pageSize = walPageSize;
      const salt1 = header.getUint32(16);
      const salt2 = header.getUint32(20);
      const pending = new Map<number, Uint8Array>();
      for (let at = WAL_HEADER; at + FRAME_HEADER + pageSize <= wal.length; at += FRAME_HEADER + pageSize) {
        if (header.getUint32(at + 8) !== salt1 || header.getUint32(at + 12) !== salt2) break;
        const page = wal.subarray(at + FRAME_HEADER, at + FRAME_HEADER + pageSize);
        sum = checksum(page, bigEndian, checksum(wal.subarray(at, at + 8), bigEndian, sum));
        if (sum[0] !== header.getUint32(at + 16) || sum[1] !== header.getUint32(at + 20)) break;
        pending.set(header.getUint32(at), page);
        const sizeAfterCommit = header.getUint32(at + 4);
        if (sizeAfterCommit > 0) {
          for (const [number, data] of pending) pages.set(number, data);
          pending.clear();
          pageCount = sizeAfterCommit;
        }
      }
    }
  }
  if (!pageSize) return db;
  const merged = new Uint8Array(pageCount * pageSize);
  merged.set(db.subarray(0, Math.min(db.length, merged.length)));
  for (const [number, data] of pages) if (number >= 1 && number <= pageCount) merged.set(data, (number - 1) * pageSize);
  // Bytes 18 and 19 say "WAL mode" (2); the merged copy has no WAL beside it, so: rollback journal (1).
  if (merged.length >= 100) merged[18] = merged[19] = 1;
  return merged;
}

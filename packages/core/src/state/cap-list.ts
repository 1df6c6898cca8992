import { MAX_LIST_JSON_BYTES, MAX_LISTED_FILES } from "../parse/limits.js";

export interface CappedList {
  kept: string[];
  /** How many names were left out; 0 when all were kept. */
  omitted: number;
}

/** Room a name takes in the pretty-printed state beyond its own JSON: indentation, comma, newline. */
const PER_ITEM_OVERHEAD = 16;

/** The first names of `items` that fit in MAX_LISTED_FILES and MAX_LIST_JSON_BYTES, and a count of the rest. */
export function capList(items: readonly string[]): CappedList {
  let bytes = 0;
  let count = 0;
  for (const item of items) {
    if (count === MAX_LISTED_FILES) break;
    bytes += Buffer.byteLength(JSON.stringify(item)) + PER_ITEM_OVERHEAD;
    if (bytes > MAX_LIST_JSON_BYTES) break;
    count += 1;
  }
  return { kept: items.slice(0, count), omitted: items.length - count };
}

/** `omitted` as the optional count field: absent when nothing was left out. */
export function omittedCount(list: CappedList): number | undefined {
  return list.omitted > 0 ? list.omitted : undefined;
}

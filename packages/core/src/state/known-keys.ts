/**
 * `known` in its own order, followed by the keys of `previous` that `known`'s schema does not
 * list: what other tools wrote is carried over, and the spec's fields keep the spec's order.
 */
export function keepUnknownKeys<T extends object>(
  known: T,
  previous: object | undefined,
  schemaKeys: readonly string[],
): T {
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(known)) if (value !== undefined) result[key] = value;
  for (const [key, value] of Object.entries(previous ?? {})) {
    if (!schemaKeys.includes(key)) result[key] = value;
  }
  return result as T;
}

/**
 * `known` in the schema's key order (`schemaKeys`, from schema/key-order.ts), followed by the keys
 * of `previous` that the schema does not list: what other tools wrote is carried over, and the
 * spec's fields keep the spec's order.
 */
export function keepUnknownKeys<T extends object>(
  known: T,
  previous: object | undefined,
  schemaKeys: readonly string[],
): T {
  const values = known as Record<string, unknown>;
  const result: Record<string, unknown> = {};
  for (const key of schemaKeys) if (values[key] !== undefined) result[key] = values[key];
  for (const [key, value] of Object.entries(known)) if (value !== undefined && !Object.hasOwn(result, key)) result[key] = value;
  for (const [key, value] of Object.entries(previous ?? {})) {
    if (!schemaKeys.includes(key)) result[key] = value;
  }
  return result as T;
}

/** The spec's timestamp form: UTC, whole seconds, `2026-01-05T12:30:00Z`. */
export function isoTimestamp(date: Date = new Date()): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

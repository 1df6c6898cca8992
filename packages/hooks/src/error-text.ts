/** An error as one log message: its text, and the hint a HandoffError carries. */
export function errorText(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const hint = (error as { hint?: unknown }).hint;
  return typeof hint === "string" && hint ? `${error.message} (${hint})` : error.message;
}

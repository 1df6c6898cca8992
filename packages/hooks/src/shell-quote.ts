/** Quotes a value for POSIX sh: single quotes, each inner `'` written as `'\''`. */
export function shellQuote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

/**
 * Thrown by a reader that found the agent's store (or a session in it) in a format it does not
 * understand: the user is told "unreadable (format X)", never "no session found".
 */
export class UnreadableSession extends Error {
  constructor(
    readonly file: string,
    readonly format: string,
  ) {
    super(`${file}: unreadable (format ${format})`);
    this.name = "UnreadableSession";
  }
}

/**
 * simple-git logs through `debug`, which on load asks whether stderr is a terminal and which
 * colours it has: Node's tty module, about 2 ms of every `handoff save`. Its loggers print only
 * when the DEBUG variable names them, so the real `debug` loads only when DEBUG is set, and
 * `DEBUG=simple-git handoff save claude` logs as it always did.
 */
interface Logger {
  (...args: unknown[]): void;
  namespace: string;
  enabled: boolean;
  extend(name: string): Logger;
}

function quiet(namespace: string): Logger {
  return Object.assign(() => undefined, { namespace, enabled: false, extend: (name: string) => quiet(`${namespace}:${name}`) });
}

const createDebug: typeof quiet & { formatters: Record<string, unknown> } = process.env.DEBUG
  ? (require("debug") as typeof quiet & { formatters: Record<string, unknown> })
  : Object.assign(quiet, { formatters: {} });

export default createDebug;

import { fstatSync, statSync, writeSync } from "node:fs";
import { styleText } from "node:util";

export interface Output {
  /** A line on stdout. */
  line(text?: string): void;
  /** A line on stderr: notes and warnings, kept out of --json output. */
  note(text: string): void;
  /** Only JSON on stdout. */
  json(value: unknown): void;
  paint(style: Style, text: string): string;
  /** `line`, coloured by what it says: ✅ green, ⚠️ yellow, ❌ red, steps and headings bold. */
  tone(text: string): string;
  /**
   * What is running now, on stderr: on a terminal, one line rewritten in place and erased by
   * `endProgress`; elsewhere (a CI log), a plain line that stays.
   */
  progress(text: string): void;
  endProgress(): void;
}

export type Style = "bold" | "dim" | "green" | "yellow" | "red" | "cyan";

const STDOUT = 1;
const STDERR = 2;

/**
 * Only a character device can be a terminal, and /dev/null (output thrown away, as scripts and
 * hooks do) is one that is not: asking `process.stdout` first would load Node's tty, net and
 * stream modules, a few milliseconds.
 */
function isTerminal(fd: number): boolean {
  try {
    const stat = fstatSync(fd);
    if (!stat.isCharacterDevice() || isDevNull(stat.rdev)) return false;
    return (fd === STDOUT ? process.stdout : process.stderr).isTTY === true;
  } catch {
    return false;
  }
}

function isDevNull(rdev: number): boolean {
  try {
    return statSync("/dev/null").rdev === rdev;
  } catch {
    return false;
  }
}

/** NO_COLOR (any value) wins, then FORCE_COLOR (but "0" and "false"), then whether stdout is a colour terminal. */
function colorsOn(): boolean {
  if (process.env.NO_COLOR) return false;
  const force = process.env.FORCE_COLOR;
  if (force !== undefined && force !== "") return force !== "0" && force !== "false";
  return isTerminal(STDOUT) && process.stdout.hasColors();
}

/** The colour a line of handoff's output takes from its leading icon or shape. */
function toneOf(text: string): Style | undefined {
  if (text.startsWith("✅")) return "green";
  if (text.startsWith("⚠️") || text.startsWith("⏳")) return "yellow";
  if (text.startsWith("❌")) return "red";
  if (/^(?:Step \d+:|🔄 |📋 |✨ |📝 Handoff Summary)/.test(text)) return "bold";
  return undefined;
}

/** `handoff status | head` closes the pipe early: that is the reader's choice, not an error. */
function endQuietly(): never {
  process.exit(process.exitCode ?? 0);
}

/** Descriptors whose pipe once would have blocked: from then on their stream writes, in order. */
const streams = new Map<number, NodeJS.WriteStream>();

function streamOf(fd: number): NodeJS.WriteStream {
  let stream = streams.get(fd);
  if (!stream) {
    stream = fd === STDOUT ? process.stdout : process.stderr;
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "EPIPE") throw error;
      endQuietly();
    });
    streams.set(fd, stream);
  }
  return stream;
}

/**
 * Writes straight to the file descriptor: setting up `process.stdout` for a pipe costs a few
 * milliseconds, a third of what `handoff restore` may spend beyond Node's own start (bench/README.md).
 * A pipe that would block (a non-blocking pipe with a slow reader) hands the rest to the stream,
 * which waits for the reader.
 */
function writeAll(fd: number, text: string): void {
  const stream = streams.get(fd);
  if (stream) {
    stream.write(text);
    return;
  }
  let bytes = Buffer.from(text);
  while (bytes.length > 0) {
    try {
      bytes = bytes.subarray(writeSync(fd, bytes));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "EPIPE") endQuietly();
      if (code !== "EAGAIN") throw error;
      streamOf(fd).write(bytes);
      return;
    }
  }
}

const ERASE_LINE = "\r\u001b[K";

export function createOutput(): Output {
  let color: boolean | undefined; // asked on the first paint: most runs never paint
  let progressShown = false;
  let stderrTerminal: boolean | undefined;
  const paint = (style: Style, text: string) => {
    color ??= colorsOn();
    return color ? styleText(style, text, { validateStream: false }) : text;
  };
  const endProgress = () => {
    if (progressShown) writeAll(STDERR, ERASE_LINE);
    progressShown = false;
  };
  return {
    line: (text = "") => {
      endProgress();
      writeAll(STDOUT, `${text}\n`);
    },
    note: (text) => {
      endProgress();
      writeAll(STDERR, `${text}\n`);
    },
    json: (value) => writeAll(STDOUT, `${JSON.stringify(value, null, 2)}\n`),
    paint,
    tone: (text) => {
      const style = toneOf(text);
      return style ? paint(style, text) : text;
    },
    progress: (text) => {
      if ((stderrTerminal ??= isTerminal(STDERR))) {
        // One row only: a wrapped line could not be erased.
        const width = process.stderr.columns || 80;
        writeAll(STDERR, `${ERASE_LINE}${text.length < width ? text : `${text.slice(0, width - 2)}…`}`);
        progressShown = true;
      } else writeAll(STDERR, `${text}\n`);
    },
    endProgress,
  };
}

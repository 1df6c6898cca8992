import { fstatSync, writeSync } from "node:fs";
import { styleText } from "node:util";

export interface Output {
  /** A line on stdout. */
  line(text?: string): void;
  /** A line on stderr: notes and warnings, kept out of --json output. */
  note(text: string): void;
  /** Only JSON on stdout. */
  json(value: unknown): void;
  paint(style: "bold" | "dim" | "green" | "yellow" | "red" | "cyan", text: string): string;
}

const STDOUT = 1;
const STDERR = 2;

/** Only a character device can be a terminal; asking `process.stdout` first would load Node's tty and net modules. */
function colorsOn(): boolean {
  if (process.env.NO_COLOR) return false;
  if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== "0") return true;
  return fstatSync(STDOUT).isCharacterDevice() && process.stdout.isTTY === true && process.stdout.hasColors();
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

export function createOutput(): Output {
  let color: boolean | undefined; // asked on the first paint: most runs never paint
  return {
    line: (text = "") => writeAll(STDOUT, `${text}\n`),
    note: (text) => writeAll(STDERR, `${text}\n`),
    json: (value) => writeAll(STDOUT, `${JSON.stringify(value, null, 2)}\n`),
    paint: (style, text) => ((color ??= colorsOn()) ? styleText(style, text) : text),
  };
}

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

function colorsOn(stream: NodeJS.WriteStream): boolean {
  if (process.env.NO_COLOR) return false;
  if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== "0") return true;
  return stream.isTTY === true && (stream.hasColors?.() ?? false);
}

export function createOutput(stdout: NodeJS.WriteStream = process.stdout, stderr: NodeJS.WriteStream = process.stderr): Output {
  const color = colorsOn(stdout);
  return {
    line: (text = "") => void stdout.write(`${text}\n`),
    note: (text) => void stderr.write(`${text}\n`),
    json: (value) => void stdout.write(`${JSON.stringify(value, null, 2)}\n`),
    paint: (style, text) => (color ? styleText(style, text) : text),
  };
}

/** Deeper than this, a state is refused: printing or writing it back would overflow the stack. */
export const MAX_NESTING_DEPTH = 100;

export interface ObjectExtent {
  /** Where the top-level object ends (just after its `}`); -1 when it never closes. */
  end: number;
  /** Offset of the first bracket that opens a level deeper than MAX_NESTING_DEPTH; -1 when none. */
  tooDeepAt: number;
}

/**
 * Where the top-level JSON object in `text` ends, so that text appended after it
 * (the spec's `echo "Escalation: ..." >> file`) can be told apart, and whether it nests too deep.
 */
export function scanTopLevelObject(text: string): ObjectExtent {
  let depth = 0;
  let inString = false;
  let tooDeepAt = -1;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (char === "\\") i++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === "{" || char === "[") {
      depth++;
      if (depth > MAX_NESTING_DEPTH && tooDeepAt === -1) tooDeepAt = i;
    } else if (char === "}" || char === "]") {
      depth--;
      if (depth === 0) return { end: i + 1, tooDeepAt };
    }
  }
  return { end: -1, tooDeepAt };
}

/** 1-based line and column of a character offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return { line, column: offset - before.lastIndexOf("\n") };
}

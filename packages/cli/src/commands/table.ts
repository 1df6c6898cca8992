/** Colours a cell once it is padded, so that escape codes never count towards a column's width. */
export type CellPainter = (text: string, row: number, column: number) => string;

/** Rows padded into columns, two spaces apart; the last column is not padded. */
export function formatTable(rows: string[][], paint?: CellPainter): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, index) => (widths[index] = Math.max(widths[index] ?? 0, cell.length)));
  return rows.map((row, rowIndex) =>
    row
      .map((cell, index) => {
        const padded = index === row.length - 1 ? cell : cell.padEnd(widths[index]!);
        if (!paint) return padded;
        // The padding stays outside the colour, and the line's end is trimmed as before.
        const text = padded.trimEnd();
        return paint(text, rowIndex, index) + padded.slice(text.length);
      })
      .join("  ")
      .trimEnd(),
  );
}

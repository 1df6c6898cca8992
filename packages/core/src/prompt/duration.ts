const UNIT_MINUTES: Record<string, number> = { h: 60, hour: 60, hours: 60, hr: 60, hrs: 60, m: 1, min: 1, mins: 1, minute: 1, minutes: 1 };

/** Minutes in "2 hours", "1h 15m", "45 minutes"; undefined when nothing reads as a duration. */
export function parseMinutes(text: string | undefined): number | undefined {
  if (!text) return undefined;
  let total = 0;
  let found = false;
  for (const match of text.toLowerCase().matchAll(/(\d+(?:\.\d+)?)\s*([a-z]+)/g)) {
    const factor = UNIT_MINUTES[match[2]!];
    if (factor === undefined) continue;
    total += Number(match[1]) * factor;
    found = true;
  }
  return found ? Math.round(total) : undefined;
}

export function formatMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} minutes`;
  return rest === 0 ? `${hours}h` : `${hours}h ${rest}m`;
}

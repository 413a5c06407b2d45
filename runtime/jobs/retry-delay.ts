// Exponential backoff between attempts: base, 2×base, 4×base, … capped, with ±20% jitter so
// that jobs which failed together (LibreOffice restarting) do not all come back at once.
const maxDelayMs = 5 * 60_000;

export function retryDelayMs(attempt: number, baseMs: number, random: () => number = Math.random): number {
  const exponential = Math.min(maxDelayMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exponential * (0.8 + 0.4 * random()));
}

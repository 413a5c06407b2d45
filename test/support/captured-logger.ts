// A pino logger whose lines a test can read back (level as a number, message, fields).
import pino, { type Logger } from 'pino';

export interface LogEntry {
  level: number;
  msg: string;
  [field: string]: unknown;
}

export function capturedLogger(level = 'debug'): { logger: Logger; entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  const destination = { write: (line: string) => void entries.push(JSON.parse(line) as LogEntry) };
  return { logger: pino({ level }, destination), entries };
}

export const logLevels = { debug: 20, info: 30, warn: 40, error: 50 } as const;

// Structured logs: one JSON object per line on stdout (pino), level from LOG_LEVEL. Secrets never
// belong here (the first admin token goes to the terminal, main.ts); the redaction is a second
// line of defence for a field someone logs by mistake.
import pino, { type Logger } from 'pino';

const secretFields = ['token', 'adminToken', 'secret', 'authorization', 'headers.authorization'];

export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'inkflow', pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: [...secretFields, ...secretFields.map((field) => `*.${field}`)], censor: '[secret]' },
  });
}

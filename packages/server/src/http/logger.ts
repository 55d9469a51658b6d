/** A structured log line's fields. Never put tokens, cookies, passwords or answers in them. */
export type LogFields = Record<string, string | number | boolean | null | undefined>;

/** Writes one JSON object per line, which log collectors parse without configuration. */
export interface Logger {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

/** A logger writing JSON lines to a stream (stdout by default). */
export function jsonLogger(
  write: (line: string) => void = (line) => process.stdout.write(line),
): Logger {
  const emit = (level: string, event: string, fields: LogFields = {}) =>
    write(`${JSON.stringify({ time: new Date().toISOString(), level, event, ...fields })}\n`);
  return {
    info: (event, fields) => emit('info', event, fields),
    warn: (event, fields) => emit('warn', event, fields),
    error: (event, fields) => emit('error', event, fields),
  };
}

/** A logger that keeps lines in memory, for tests. */
export function memoryLogger(): Logger & { lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const push =
    (level: string) =>
    (event: string, fields: LogFields = {}) => {
      lines.push({ level, event, ...fields });
    };
  return { lines, info: push('info'), warn: push('warn'), error: push('error') };
}

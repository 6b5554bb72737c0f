/**
 * Log serializers that keep personal data out of the server log. Database errors carry the
 * statement's parameters (names, e-mail addresses, …) in `params`, in the message ("Failed query:
 * … params: …") and in PostgreSQL's `detail` ("Key (email)=(…) already exists."): the parameters
 * are replaced by their count, the key values by `[redacted]`. The SQL text, codes and stack stay.
 */
const MAX_DEPTH = 4;

function scrubText(text: string): string {
  return text
    .replace(/\nparams: [\s\S]*?(?=\n\s+at |$)/, '\nparams: [redacted]')
    .replace(/\)=\([\s\S]*?\)( already exists| is not present| conflicts)/g, ')=([redacted])$1');
}

interface SerializedError {
  [key: string]: unknown;
  type: string;
  message: string;
  stack: string;
}

/** An error as a plain object for the log, without statement parameters or key values. */
export function serializeError(err: unknown): SerializedError {
  if (!(err instanceof Error)) return { type: typeof err, message: scrubText(String(err)), stack: '' };
  return serializeInner(err, 0) as SerializedError;
}

function serializeInner(err: unknown, depth: number): unknown {
  if (!(err instanceof Error) || depth > MAX_DEPTH) return err instanceof Error ? { type: err.name, message: scrubText(err.message) } : err;
  const out: Record<string, unknown> = {
    type: err.constructor.name || err.name,
    message: scrubText(err.message),
    stack: scrubText(err.stack ?? ''),
  };
  for (const [key, value] of Object.entries(err)) {
    if (key in out) continue;
    if (key === 'params' || key === 'parameters') {
      out[key] = `[redacted: ${Array.isArray(value) ? value.length : '?'} parameters]`;
    } else if (key === 'cause') {
      out.cause = serializeInner(value, depth + 1);
    } else if (typeof value === 'string') {
      out[key] = scrubText(value);
    } else if (value === null || typeof value === 'number' || typeof value === 'boolean') {
      out[key] = value;
    }
  }
  if (err.cause !== undefined && !('cause' in out)) out.cause = serializeInner(err.cause, depth + 1);
  return out;
}

export const logSerializers = { err: serializeError, error: serializeError };

import { redactSecrets } from './redact-secrets.js';

/** The same stream (isTTY, columns and events kept) with every written text redacted: the last guard before the terminal. */
export function redactStream<S extends NodeJS.WritableStream>(stream: S, secrets: readonly string[]): S {
  const write = (chunk: unknown, ...rest: unknown[]) => {
    const text = typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) ? chunk.toString('utf8') : undefined;
    const safe = text === undefined ? chunk : redactSecrets(text, secrets);
    return (stream.write as (...args: unknown[]) => boolean).call(stream, safe, ...rest);
  };
  return new Proxy(stream, {
    get(target, property) {
      if (property === 'write') return write;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

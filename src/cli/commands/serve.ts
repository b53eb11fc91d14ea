import { loadConfig } from '../../config/load-config.js';
import { UsageError } from '../../errors/brief-error.js';
import type { Outcome } from '../../run/outcome.js';
import { runReaderServer } from '../../serve/run-reader-server.js';
import type { CliIo } from '../cli-io.js';
import { parseCommandArgs } from '../parse-command-args.js';

/** `summarize serve`: parse the flags, then run the readers' server until SIGTERM or Ctrl-C. */
export async function runServe(argv: string[], io: CliIo): Promise<Outcome> {
  const { values, positionals } = parseCommandArgs('serve', argv, {
    host: { type: 'string' },
    port: { type: 'string' },
    out: { type: 'string' },
    quiet: { type: 'boolean', default: false },
  });
  if (positionals.length > 0) throw new UsageError(`serve: unexpected argument ${JSON.stringify(positionals[0])}`);
  const port = values.port === undefined ? undefined : parsePort(values.port);
  if (values.host !== undefined && values.host.trim() === '') throw new UsageError('serve: --host takes an address, e.g. 127.0.0.1');
  const config = loadConfig({ env: io.env, flags: { outputDir: values.out } });
  // Every line is one request or one event: the operator's journal (systemd) adds the time.
  await runReaderServer(config, { host: values.host, port, log: (line) => io.stderr.write(`${line}\n`), logRequests: !values.quiet });
  return 'done';
}

// --- internal ---

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) throw new UsageError(`serve: --port takes a port number, 0 to 65535, not ${JSON.stringify(value)}`);
  return port;
}

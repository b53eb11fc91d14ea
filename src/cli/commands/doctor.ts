import { buildUserAgent } from '../../arxiv/build-user-agent.js';
import { runDoctorChecks } from '../../doctor/run-doctor-checks.js';
import { renderCheckLine } from '../../doctor/render-check-line.js';
import { summarizeCheckResults } from '../../doctor/summarize-check-results.js';
import { UsageError } from '../../errors/brief-error.js';
import type { CliIo } from '../cli-io.js';
import type { Outcome } from '../../run/outcome.js';
import { readPackageVersion } from '../../config/read-package-version.js';
import { parseCommandArgs } from '../parse-command-args.js';

const DEFAULT_TIMEOUT_SECONDS = 10;

/** `summarize doctor`: runs the checks, prints one line each as they finish, exits 1 if any failed. */
export async function runDoctor(argv: string[], io: CliIo): Promise<Outcome> {
  const flags = readFlags(argv);
  // Lines go to stderr under --json so stdout stays one parseable document for monitoring.
  const lines = flags.json ? io.stderr : io.stdout;
  // Secrets are redacted by the streams main.ts hands over.
  const write = (stream: NodeJS.WritableStream, text: string) => stream.write(text);

  const results = await runDoctorChecks({
    env: io.env,
    userAgent: buildUserAgent(readPackageVersion()),
    timeoutMs: flags.timeoutSeconds * 1000,
    // --quiet: only what needs doing (failures and warnings), and the summary when something failed.
    onResult: (result) => {
      if (!flags.quiet || result.status === 'failed' || result.status === 'warning') write(lines, renderCheckLine(result));
    },
  });
  const summary = summarizeCheckResults(results, io.programName);
  if (!flags.quiet || !summary.ok) write(lines, summary.line);
  if (flags.json) write(io.stdout, `${JSON.stringify({ ok: summary.ok, checks: results }, null, 2)}\n`);
  return summary.ok ? 'done' : 'failed';
}

// --- internal ---

function readFlags(argv: string[]): { json: boolean; quiet: boolean; timeoutSeconds: number } {
  const { values, positionals } = parseCommandArgs('doctor', argv, {
    json: { type: 'boolean' },
    timeout: { type: 'string' },
    quiet: { type: 'boolean', default: false },
  });
  if (positionals.length > 0) throw new UsageError(`doctor: takes no arguments, got ${positionals.join(' ')}`);
  const timeoutSeconds = values.timeout === undefined ? DEFAULT_TIMEOUT_SECONDS : Number(values.timeout);
  if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0) {
    throw new UsageError(`doctor: --timeout must be a positive number of seconds, got ${JSON.stringify(values.timeout)}`);
  }
  return { json: values.json ?? false, quiet: values.quiet, timeoutSeconds };
}

// The CLI as bin/summarize.js runs it, from the TypeScript sources (no build): for tests that need a real process (warnings, PATH, signals).
import { runCli } from '../../src/cli/main.js';

process.exitCode = await runCli(process.argv.slice(2));

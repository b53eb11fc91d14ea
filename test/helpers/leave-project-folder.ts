import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Every test runs in an empty folder, so a developer's .env (with a real key) is never read.
process.chdir(mkdtempSync(join(tmpdir(), 'arxiv-brief-test-')));

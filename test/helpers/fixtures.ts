import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The workplace's real test material (../shared/fixtures); absent in a clone elsewhere, so tests skip. */
export const FIXTURES_DIR = fileURLToPath(new URL('../../../shared/fixtures', import.meta.url));
export const FIXTURE_PDFS_DIR = `${FIXTURES_DIR}/pdfs`;
export const hasFixtures = existsSync(FIXTURE_PDFS_DIR);

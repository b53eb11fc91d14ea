import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('the working folder of the tests', () => {
  it('is not the project folder, so a newcomer’s .env there is never read by a test', () => {
    expect(resolve(process.cwd())).not.toBe(resolve(PROJECT_ROOT));
    expect(existsSync(join(process.cwd(), '.env'))).toBe(false);
  });
});

describe('the test configuration', () => {
  it('keeps the machine-readable result .ci/run tallies even when CI is not set', async () => {
    const previous = process.env.CI;
    delete process.env.CI;
    try {
      const { default: config } = await import('../../vitest.config.js');
      const reporters = (config.test?.reporters ?? []) as unknown[];
      expect(reporters).toContainEqual(['json', { outputFile: '.test-results.json' }]);
    } finally {
      if (previous !== undefined) process.env.CI = previous;
    }
  });
});

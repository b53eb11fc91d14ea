import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Most files wait on child processes, servers and a browser rather than compute: twice the cores keeps them
    // busy (on 2 cores, 4 workers ran the CLI tests in 0.40x the time of vitest's default of 1).
    maxWorkers: Math.max(4, availableParallelism() * 2),
    // A safety net for a hung test, not a schedule: no test waits on the clock, so a loaded machine only makes them slower.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    setupFiles: ['test/helpers/leave-project-folder.ts'],
    // Every run keeps a machine-readable result, from which .ci/run prints its closing tally (with or without CI set).
    reporters: ['default', ['json', { outputFile: '.test-results.json' }]],
  },
});

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    setupFiles: ['test/helpers/leave-project-folder.ts'],
    // Every run keeps a machine-readable result, from which .ci/run prints its closing tally (with or without CI set).
    reporters: ['default', ['json', { outputFile: '.test-results.json' }]],
  },
});

import { defineConfig } from 'vitest/config';

const NODE_TESTS = ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'server/**/*.test.ts', 'scripts/**/*.test.ts', 'renderer/**/*.test.ts', 'processor/**/*.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Storage and durability tests open real SQLite files and child processes; two cores here.
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'node', include: NODE_TESTS, environment: 'node' } },
      // Component tests: React screens in a DOM, driven by the keyboard and found by role and label.
      {
        extends: true,
        test: {
          name: 'dom',
          include: ['renderer/**/*.test.tsx'],
          environment: 'happy-dom',
          setupFiles: ['renderer/test-support/dom-setup.ts'],
        },
      },
    ],
  },
});

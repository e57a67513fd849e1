/**
 * Builds Electron's three entry points into dist-electron/ as CommonJS for Node: main.cjs, preload.cjs and
 * core-process.cjs (the till core's utility process). They are built as separate environments so nothing is shared
 * between them in a chunk: the sandboxed preload must be one self-contained file whose only import is `electron`. `electron`, Node's built-ins and every package
 * dependency stay external; electron-builder ships node_modules (with native modules rebuilt for Electron).
 *
 *   npx vite build -c vite.electron.config.ts
 */
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig, type EnvironmentOptions } from 'vite';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

const manifest = JSON.parse(readFileSync(here('./package.json'), 'utf8')) as {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
};
const packages = [...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.devDependencies ?? {})];
const builtins = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);

/** `electron`, built-ins and packages (and their subpaths, like `rxdb/plugins/core`) are loaded at run time. */
function isExternal(id: string): boolean {
  if (builtins.has(id) || id.startsWith('node:')) return true;
  return id === 'electron' || packages.some((name) => id === name || id.startsWith(`${name}/`));
}

function electronEntry(entry: string, fileName: string): EnvironmentOptions {
  return {
    consumer: 'server',
    resolve: { conditions: ['node'], external: true },
    build: {
      outDir: here('./dist-electron'),
      // Both environments write here; the build step below empties it once, before either runs.
      emptyOutDir: false,
      target: 'node20',
      ssr: true,
      minify: false,
      sourcemap: true,
      copyPublicDir: false,
      rollupOptions: {
        input: here(entry),
        external: isExternal,
        output: {
          format: 'cjs',
          entryFileNames: fileName,
          chunkFileNames: `${fileName.replace(/\.cjs$/, '')}-[name]-[hash].cjs`,
          codeSplitting: false,
        },
      },
    },
  };
}

export default defineConfig({
  // No index.html, no public/: this config never builds a page.
  publicDir: false,
  environments: {
    electronMain: electronEntry('./electron/main.ts', 'main.cjs'),
    electronPreload: electronEntry('./electron/preload.ts', 'preload.cjs'),
    electronCore: electronEntry('./electron/core/process/core-child.ts', 'core-process.cjs'),
  },
  builder: {
    async buildApp(builder) {
      const { rm } = await import('node:fs/promises');
      await rm(here('./dist-electron'), { recursive: true, force: true });
      for (const name of ['electronMain', 'electronPreload', 'electronCore']) {
        const environment = builder.environments[name];
        if (!environment) throw new Error(`vite.electron.config.ts: environment ${name} is missing`);
        await builder.build(environment);
      }
    },
  },
});

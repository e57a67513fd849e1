/**
 * For crash tests that start a till process many times: the script bundled once (esbuild, packages left to
 * node_modules) and run with plain Node, so each start costs what a packaged till's does — not a TypeScript
 * compile of the whole core under tsx every time.
 */
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

const bundles = new Map<string, Promise<string>>();

/**
 * Bundles `script` into .tmp/test-bundles/ (inside the project, so its packages resolve); returns the bundle's path.
 * Once per script and test process (the sources do not change during a run). Bundles of test processes that have
 * ended are removed then: a test worker is often ended by a signal, which runs no exit handler.
 */
export function bundleScript(script: string): Promise<string> {
  let bundle = bundles.get(script);
  if (!bundle) {
    bundle = buildBundle(script);
    bundles.set(script, bundle);
    bundle.catch(() => bundles.delete(script));
  }
  return bundle;
}

async function buildBundle(script: string): Promise<string> {
  const dir = path.join(ROOT, '.tmp', 'test-bundles');
  mkdirSync(dir, { recursive: true });
  removeOrphans(dir);
  const outfile = path.join(dir, `${path.basename(script, '.ts')}-${process.pid}-${Date.now()}.mjs`);
  await build({ entryPoints: [script], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'error' });
  return outfile;
}

/** Bundles named `<script>-<pid>-<time>.mjs` whose process is gone. */
function removeOrphans(dir: string): void {
  for (const name of readdirSync(dir)) {
    const pid = Number(/-(\d+)-\d+\.mjs$/.exec(name)?.[1]);
    if (pid && pid !== process.pid && !alive(pid)) rmSync(path.join(dir, name), { force: true });
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

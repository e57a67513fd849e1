/**
 * For crash tests: runs a TypeScript script in its own Node process and SIGKILLs it in the same tick as it reports
 * its `killAfter`-th durable write on stdout (a line matching `report`; its first group is what was written).
 * Everything it reported before the kill was promised to the user, so it must be there when the store reopens.
 */
import { spawn } from 'node:child_process';
import { bundleScript } from './bundled-script';

export interface KilledRun {
  /** The first capture group of every report line, in order. */
  reported: string[];
  signal: NodeJS.Signals | null;
  code: number | null;
  stderr: string;
}

/**
 * `killAfter` 0: never killed (the script ends, or fails, on its own). The script runs bundled, with plain Node: a
 * start then costs what a packaged till's does, not a TypeScript compile under tsx, which on a busy machine took
 * most of each run's time.
 */
export async function runKilledAfterReports(script: string, args: string[], report: RegExp, killAfter: number): Promise<KilledRun> {
  const bundle = await bundleScript(script);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bundle, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const reported: string[] = [];
    let pending = '';
    let stderr = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const match = report.exec(line);
        if (match) reported.push(match[1]!);
        if (reported.length === killAfter) child.kill('SIGKILL');
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve({ reported, signal, code, stderr }));
  });
}

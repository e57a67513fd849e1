/** Runs `npm run processor`'s script in its own Node process, for tests that stop it (SIGTERM) or kill it (SIGKILL). */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const RUN_PROCESSOR = fileURLToPath(new URL('../run-processor.ts', import.meta.url));

export interface ProcessorProcess {
  child: ChildProcess;
  url: string;
  controlUrl: string;
  /** Every stdout line so far. */
  lines: string[];
  stderr(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Every process started here that has not exited: a test that fails half-way must not leave one behind. */
const running = new Set<ChildProcess>();

/** For afterAll: kills whatever a failed test left running. */
export async function killLeftoverProcessors(): Promise<void> {
  await Promise.all(
    [...running].map(async (child) => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    }),
  );
}

const STARTED = /^Card processor \(stand-in\): (\S+) \(control (\S+), data in (.+)\)$/;

/** Resolves once the processor has printed its start line (and the key lines of any --terminal after it). */
export function startProcessorProcess(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<ProcessorProcess> {
  const terminals = args.filter((a) => a === '--terminal').length;
  const child = spawn(process.execPath, ['--import', 'tsx', RUN_PROCESSOR, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env });
  running.add(child);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => {
      running.delete(child);
      resolve({ code, signal });
    }),
  );
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    const lines: string[] = [];
    let pending = '';
    let started: RegExpExecArray | null = null;
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      pending += chunk;
      const complete = pending.split('\n');
      pending = complete.pop() ?? '';
      for (const line of complete) {
        lines.push(line);
        started ??= STARTED.exec(line);
      }
      if (started && lines.filter((l) => l.startsWith('Terminal ')).length >= terminals) {
        resolve({ child, url: started[1]!, controlUrl: started[2]!, lines, stderr: () => stderr, exited });
      }
    });
    child.on('error', reject);
    void exited.then(({ code, signal }) => reject(new Error(`The processor exited before it started (${code ?? signal}): ${stderr}`)));
  });
}

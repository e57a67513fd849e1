/** A processor on a fresh temporary data directory with one key for terminal T1, for tests; removed by dispose(). */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { newSigningKey } from '../../shared/payments/signature';
import type { LogLevel } from '../log';
import { startProcessor, type ProcessorOptions, type RunningProcessor } from '../processor-server';
import { controlClient, processorClient, type ProcessorClient } from './processor-client';

export const TERMINAL = 'T1';

export interface LogLine {
  level: LogLevel;
  message: string;
  fields: Record<string, unknown>;
}

export interface TempProcessor {
  processor: RunningProcessor;
  dataDir: string;
  adminToken: string;
  client: ProcessorClient;
  control: ReturnType<typeof controlClient>;
  logs: LogLine[];
  /** Stops and starts again on the same data directory and ports. */
  restart(): Promise<void>;
  dispose(): Promise<void>;
}

export async function openTempProcessor(options: Partial<ProcessorOptions> = {}): Promise<TempProcessor> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'kassa-processor-'));
  const adminToken = options.adminToken ?? 'test-admin-token';
  const key = { ...newSigningKey('T1-test'), terminalId: TERMINAL };
  const logs: LogLine[] = [];
  const start = (ports: { port?: number; controlPort?: number }) =>
    startProcessor({ keys: [key], ...options, ...ports, dataDir, adminToken, log: (level, message, fields = {}) => logs.push({ level, message, fields }) });
  const processor = await start({});
  const fixture: TempProcessor = {
    processor,
    dataDir,
    adminToken,
    // Restarts keep the ports, so these stay valid.
    client: processorClient(processor.url, key),
    control: controlClient(processor.controlUrl, adminToken),
    logs,
    restart: async () => {
      const { port, controlPort } = fixture.processor;
      await fixture.processor.close();
      fixture.processor = await start({ port, controlPort });
    },
    dispose: async () => {
      await fixture.processor.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return fixture;
}

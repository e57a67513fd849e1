import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveShellConfig } from './shell-config';

const dev = { isPackaged: false, userDataPath: '/home/anna/.config/Kassa', cwd: '/src/kassa' };
const packaged = { ...dev, isPackaged: true };

describe('resolveShellConfig', () => {
  it('uses .kassa/ and demo data in development', () => {
    expect(resolveShellConfig({}, dev)).toEqual({ dataDir: path.resolve('/src/kassa/.kassa/electron-T1'), terminalId: 'T1', demo: true });
  });

  it('uses the per-user folder and no demo data when packaged', () => {
    expect(resolveShellConfig({}, packaged)).toEqual({ dataDir: '/home/anna/.config/Kassa', terminalId: 'T1', demo: false });
  });

  it('follows KASSA_* variables', () => {
    const env = { KASSA_DATA_DIR: 'data/t2', KASSA_TERMINAL_ID: 'T2', KASSA_DEMO: '1', KASSA_DEMO_PRODUCTS: '100000' };
    expect(resolveShellConfig(env, packaged)).toEqual({
      dataDir: path.resolve('/src/kassa/data/t2'),
      terminalId: 'T2',
      demo: true,
      demoProducts: 100_000,
    });
    expect(resolveShellConfig({ KASSA_DEMO: 'false' }, dev).demo).toBe(false);
  });

  it('refuses values it cannot use rather than guessing', () => {
    expect(() => resolveShellConfig({ KASSA_TERMINAL_ID: 'till 1' }, dev)).toThrow(/Terminal id/);
    expect(() => resolveShellConfig({ KASSA_DEMO: 'maybe' }, dev)).toThrow(/KASSA_DEMO/);
    expect(() => resolveShellConfig({ KASSA_DEMO_PRODUCTS: '-5' }, dev)).toThrow(/KASSA_DEMO_PRODUCTS/);
    expect(() => resolveShellConfig({ KASSA_DEMO_PRODUCTS: '2e9' }, dev)).toThrow(/KASSA_DEMO_PRODUCTS/);
  });
});

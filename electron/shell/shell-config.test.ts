import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveShellConfig } from './shell-config';

const dev = { isPackaged: false, userDataPath: '/home/anna/.config/Kassa', cwd: '/src/kassa' };
const packaged = { ...dev, isPackaged: true };

describe('resolveShellConfig', () => {
  it('uses .kassa/ and demo data in development', () => {
    expect(resolveShellConfig({}, dev).core).toEqual({ dataDir: path.resolve('/src/kassa/.kassa/electron-T1'), terminalId: 'T1', demo: true });
  });

  it('uses the per-user folder and no demo data when packaged', () => {
    expect(resolveShellConfig({}, packaged).core).toEqual({ dataDir: '/home/anna/.config/Kassa', terminalId: 'T1', demo: false });
  });

  it('follows KASSA_* variables', () => {
    const env = { KASSA_DATA_DIR: 'data/t2', KASSA_TERMINAL_ID: 'T2', KASSA_DEMO: '1', KASSA_DEMO_PRODUCTS: '100000' };
    expect(resolveShellConfig(env, packaged).core).toEqual({
      dataDir: path.resolve('/src/kassa/data/t2'),
      terminalId: 'T2',
      demo: true,
      demoProducts: 100_000,
    });
    expect(resolveShellConfig({ KASSA_DEMO: 'false' }, dev).core.demo).toBe(false);
  });

  it('syncs with KASSA_COUCH_URL under KASSA_DB_PREFIX, or waits for a manager to pair the till', () => {
    expect(resolveShellConfig({}, dev).sync).toEqual({ url: null, prefix: 'kassa_' });
    const env = { KASSA_COUCH_URL: 'http://kassa_T1:pw@couch.example:5984/', KASSA_DB_PREFIX: 'shop2_' };
    expect(resolveShellConfig(env, dev).sync).toEqual({ url: 'http://kassa_T1:pw@couch.example:5984/', prefix: 'shop2_' });
  });

  it('opens the customer display by itself with a second screen, and asks for the printer by default', () => {
    expect(resolveShellConfig({}, dev)).toMatchObject({ customerDisplay: 'auto', receiptPrinter: null });
    const env = { KASSA_CUSTOMER_DISPLAY: 'off', KASSA_RECEIPT_PRINTER: 'TM_T20' };
    expect(resolveShellConfig(env, dev)).toMatchObject({ customerDisplay: 'off', receiptPrinter: 'TM_T20' });
  });

  it('refuses values it cannot use rather than guessing', () => {
    expect(() => resolveShellConfig({ KASSA_COUCH_URL: 'ftp://kassa_T1:hunter22@couch/' }, dev)).toThrow(/KASSA_COUCH_URL \(ftp:\/\/\*\*\*@couch\/\)/);
    expect(() => resolveShellConfig({ KASSA_COUCH_URL: 'ftp://kassa_T1:hunter22@couch/' }, dev)).not.toThrow(/hunter22/);
    expect(() => resolveShellConfig({ KASSA_DB_PREFIX: 'Shop' }, dev)).toThrow();
    expect(() => resolveShellConfig({ KASSA_CUSTOMER_DISPLAY: 'yes' }, dev)).toThrow(/KASSA_CUSTOMER_DISPLAY/);
    expect(() => resolveShellConfig({ KASSA_TERMINAL_ID: 'till 1' }, dev)).toThrow(/Terminal id/);
    expect(() => resolveShellConfig({ KASSA_DEMO: 'maybe' }, dev)).toThrow(/KASSA_DEMO/);
    expect(() => resolveShellConfig({ KASSA_DEMO_PRODUCTS: '-5' }, dev)).toThrow(/KASSA_DEMO_PRODUCTS/);
    expect(() => resolveShellConfig({ KASSA_DEMO_PRODUCTS: '2e9' }, dev)).toThrow(/KASSA_DEMO_PRODUCTS/);
  });
});

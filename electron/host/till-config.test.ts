import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveTillConfig } from './till-config';

const cwd = '/srv/kassa';

describe('till configuration', () => {
  it('defaults to terminal T1 on port 5180 with demo data in .kassa/', () => {
    expect(resolveTillConfig([], {}, cwd)).toEqual({
      terminalId: 'T1',
      port: 5180,
      dataDir: path.join(cwd, '.kassa'),
      demo: true,
      demoProducts: 2000,
      couchUrl: null,
      dbPrefix: 'kassa_',
      serverPort: 5985,
      serverDataDir: path.join(cwd, '.kassa/server'),
      embeddedServer: true,
      processorPort: 5986,
      processorControlPort: 5987,
      processorDataDir: path.join(cwd, '.kassa/processor'),
      embeddedProcessor: true,
    });
  });

  it('reads where the stand-in card processor runs, or that there is none', () => {
    expect(resolveTillConfig(['--processor-port', '6986', '--processor-control-port=6987', '--processor-data-dir', 'p'], {}, cwd)).toMatchObject({
      processorPort: 6986,
      processorControlPort: 6987,
      processorDataDir: path.join(cwd, 'p'),
    });
    expect(resolveTillConfig(['--no-processor'], {}, cwd).embeddedProcessor).toBe(false);
    expect(resolveTillConfig([], { KASSA_EMBEDDED_PROCESSOR: 'off', KASSA_PROCESSOR_PORT: '7986' }, cwd)).toMatchObject({ embeddedProcessor: false, processorPort: 7986 });
    expect(() => resolveTillConfig([], { KASSA_PROCESSOR_PORT: '0' }, cwd)).toThrow(/card processor port/);
  });

  it('takes flags over environment variables', () => {
    const config = resolveTillConfig(['--terminal', 'T2', '--port=5181', '--data-dir', '.kassa/T2', '--no-demo'], { KASSA_TERMINAL_ID: 'T9', KASSA_PORT: '6000', KASSA_DEMO: '1' }, cwd);
    expect(config).toMatchObject({ terminalId: 'T2', port: 5181, dataDir: path.join(cwd, '.kassa/T2'), demo: false });
  });

  it('reads KASSA_* variables', () => {
    const config = resolveTillConfig([], { KASSA_TERMINAL_ID: 'FRONT_1', KASSA_PORT: '7000', KASSA_DATA_DIR: '/var/lib/kassa', KASSA_DEMO: 'off' }, cwd);
    expect(config).toMatchObject({ terminalId: 'FRONT_1', port: 7000, dataDir: '/var/lib/kassa', demo: false });
  });

  it('reads the sync settings: the store CouchDB and prefix, or the embedded server', () => {
    const synced = resolveTillConfig(['--db-prefix', 'shop2_'], { KASSA_COUCH_URL: 'http://couch.example:5984' }, cwd);
    expect(synced).toMatchObject({ couchUrl: 'http://couch.example:5984', dbPrefix: 'shop2_' });
    const flags = resolveTillConfig(['--couch-url', 'https://lb.example/couch/', '--server-port', '6001', '--no-server'], { KASSA_COUCH_URL: 'http://other:5984/' }, cwd);
    expect(flags).toMatchObject({ couchUrl: 'https://lb.example/couch/', serverPort: 6001, embeddedServer: false });
    expect(resolveTillConfig([], { KASSA_SERVER_PORT: '7000', KASSA_SERVER_DATA_DIR: '/srv/couch', KASSA_EMBEDDED_SERVER: '0' }, cwd)).toMatchObject({
      serverPort: 7000,
      serverDataDir: '/srv/couch',
      embeddedServer: false,
    });
  });

  it('refuses a bad server address or prefix without repeating the password', () => {
    const bad = () => resolveTillConfig([], { KASSA_COUCH_URL: 'ftp://T1:hunter2-secret@couch.example/' }, cwd);
    expect(bad).toThrow(/http:\/\/ or https:\/\//);
    expect(bad).not.toThrow(/hunter2/);
    expect(() => resolveTillConfig(['--db-prefix', 'Shop-2'], {}, cwd)).toThrow(/prefix "Shop-2"/);
  });

  it('refuses values that would break ids or networking, saying what is wrong', () => {
    expect(() => resolveTillConfig(['--terminal', 'T-1'], {}, cwd)).toThrow(/Terminal id "T-1"/);
    expect(() => resolveTillConfig(['--port', '99999'], {}, cwd)).toThrow(/port must be a whole number/);
    expect(() => resolveTillConfig([], { KASSA_PORT: '80a' }, cwd)).toThrow(/"80a"/);
    expect(() => resolveTillConfig([], { KASSA_DEMO: 'maybe' }, cwd)).toThrow(/KASSA_DEMO must be 1 or 0/);
  });
});

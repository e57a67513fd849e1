import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveTillConfig } from './till-config';

const cwd = '/srv/kassa';

describe('till configuration', () => {
  it('defaults to terminal T1 on port 5180 with demo data in .kassa/', () => {
    expect(resolveTillConfig([], {}, cwd)).toEqual({ terminalId: 'T1', port: 5180, dataDir: path.join(cwd, '.kassa'), demo: true, demoProducts: 2000 });
  });

  it('takes flags over environment variables', () => {
    const config = resolveTillConfig(['--terminal', 'T2', '--port=5181', '--data-dir', '.kassa/T2', '--no-demo'], { KASSA_TERMINAL_ID: 'T9', KASSA_PORT: '6000', KASSA_DEMO: '1' }, cwd);
    expect(config).toMatchObject({ terminalId: 'T2', port: 5181, dataDir: path.join(cwd, '.kassa/T2'), demo: false });
  });

  it('reads KASSA_* variables', () => {
    const config = resolveTillConfig([], { KASSA_TERMINAL_ID: 'Front_1', KASSA_PORT: '7000', KASSA_DATA_DIR: '/var/lib/kassa', KASSA_DEMO: 'off' }, cwd);
    expect(config).toMatchObject({ terminalId: 'Front_1', port: 7000, dataDir: '/var/lib/kassa', demo: false });
  });

  it('refuses values that would break ids or networking, saying what is wrong', () => {
    expect(() => resolveTillConfig(['--terminal', 'T-1'], {}, cwd)).toThrow(/Terminal id "T-1"/);
    expect(() => resolveTillConfig(['--port', '99999'], {}, cwd)).toThrow(/port must be a whole number/);
    expect(() => resolveTillConfig([], { KASSA_PORT: '80a' }, cwd)).toThrow(/"80a"/);
    expect(() => resolveTillConfig([], { KASSA_DEMO: 'maybe' }, cwd)).toThrow(/KASSA_DEMO must be 1 or 0/);
  });
});

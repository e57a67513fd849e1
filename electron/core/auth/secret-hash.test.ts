import { describe, expect, it } from 'vitest';
import { hashSecret, verifySecret } from './secret-hash';

describe('secret hashing', () => {
  it('verifies the right PIN and rejects a wrong one', async () => {
    const stored = await hashSecret('1234');
    expect(await verifySecret('1234', stored)).toBe(true);
    expect(await verifySecret('1235', stored)).toBe(false);
  });

  it('salts every hash: the same PIN never gives the same stored value', async () => {
    const [a, b] = await Promise.all([hashSecret('0000'), hashSecret('0000')]);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(a).not.toContain('0000');
  });

  it('keeps working when the cost parameters are raised later', async () => {
    const weak = await hashSecret('pass-word', { N: 1024, r: 8, p: 1 });
    expect(await verifySecret('pass-word', weak)).toBe(true);
  });

  it('treats a malformed or tampered stored hash as a failed check, not a crash', async () => {
    const stored = await hashSecret('1234');
    for (const bad of ['', 'plain', 'scrypt$0$8$1$aa$bb', stored.replace(/\$[^$]+$/, '$AAAA'), 'scrypt$99999999$8$1$a$b']) {
      expect(await verifySecret('1234', bad)).toBe(false);
    }
  });
});

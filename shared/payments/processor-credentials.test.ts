import { describe, expect, it } from 'vitest';
import { parseProcessorCredentials, processorCredentialsText, signingKeyOf } from './processor-credentials';
import { newSigningKey } from './signature';

const key = newSigningKey('T1-k1');
const credentials = { url: 'http://127.0.0.1:5986/', keyId: key.keyId, secret: key.secret };

describe('the processor key file', () => {
  it('reads back what it wrote', () => {
    const text = processorCredentialsText(credentials);
    expect(text.endsWith('\n')).toBe(true);
    expect(parseProcessorCredentials(text)).toEqual(credentials);
    expect(signingKeyOf(credentials)).toEqual(key);
  });

  it('is not fooled by other files', () => {
    for (const text of [
      '',
      'not json',
      '{}',
      JSON.stringify({ ...credentials, url: 'http://127.0.0.1:5986' }),
      JSON.stringify({ ...credentials, url: 'ftp://127.0.0.1:5986/' }),
      JSON.stringify({ ...credentials, url: 'http://u:p@127.0.0.1:5986/' }),
      JSON.stringify({ ...credentials, secret: 'short' }),
      JSON.stringify({ ...credentials, keyId: '' }),
      JSON.stringify({ ...credentials, extra: 1 }),
    ]) {
      expect(parseProcessorCredentials(text), text).toBeNull();
    }
  });

  it('refuses to write a file it could not read', () => {
    expect(() => processorCredentialsText({ ...credentials, secret: 'x' })).toThrow();
  });
});

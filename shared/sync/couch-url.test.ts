import { describe, expect, it } from 'vitest';
import { parseServerUrl, redactUrl, ServerUrlError } from './couch-url';

describe('server addresses', () => {
  it('always end in a slash and carry no credentials', () => {
    expect(parseServerUrl('http://couch.example:5984')).toEqual({ url: 'http://couch.example:5984/' });
    expect(parseServerUrl(' https://lb.example/couch ')).toEqual({ url: 'https://lb.example/couch/' });
    expect(parseServerUrl('http://kassa_T1:p%40ss%3Aword@127.0.0.1:5985/')).toEqual({ url: 'http://127.0.0.1:5985/', username: 'kassa_T1', password: 'p@ss:word' });
  });

  it('refuses what is not an http(s) address, saying what it should look like', () => {
    expect(() => parseServerUrl('couch.example')).toThrow(ServerUrlError);
    expect(() => parseServerUrl('ftp://couch.example/')).toThrow(/http:\/\/ or https:\/\//);
    expect(() => parseServerUrl('http://couch.example/?x=1')).toThrow(/\? or #/);
  });

  it('are logged without the password', () => {
    expect(redactUrl('http://admin:secret-pw@host:5984/')).toBe('http://***@host:5984/');
    expect(redactUrl('http://host:5984/')).toBe('http://host:5984/');
    expect(redactUrl('not a url admin:secret-pw@host')).not.toContain('secret-pw');
  });
});

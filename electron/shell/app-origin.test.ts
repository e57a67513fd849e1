import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, APP_ORIGIN, isAppUrl } from './app-origin';

describe('isAppUrl', () => {
  it('accepts our own pages', () => {
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isAppUrl(`${APP_ORIGIN}/`)).toBe(true);
    expect(isAppUrl(`${APP_ORIGIN}/checkout?tab=card#total`)).toBe(true);
    expect(isAppUrl('APP://KASSA/index.html')).toBe(true);
  });

  it('refuses everything else', () => {
    for (const url of [
      'https://kassa/index.html',
      'http://localhost:5173/',
      'file:///etc/passwd',
      'app://evil/index.html',
      'app://kassa.evil.com/',
      'app://kassa:8080/',
      'app://user@kassa/',
      'app://user:pw@kassa/',
      'data:text/html,<script>1</script>',
      'javascript:alert(1)',
      'about:blank',
      'app:kassa/index.html',
      'not a url',
      '',
      null,
      undefined,
    ]) {
      expect(isAppUrl(url), String(url)).toBe(false);
    }
  });
});

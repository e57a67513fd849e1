/**
 * Where the renderer lives inside Electron: a privileged custom scheme served from the app's own files, so the
 * page has a real origin (needed for ES modules and a CSP) without a loopback server or file:// URLs.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'kassa';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * For `protocol.registerSchemesAsPrivileged`: `standard` gives http-like URL parsing and an origin, `secure`
 * makes it a secure context. No `bypassCSP`, no service workers. No `corsEnabled` either: our page loads its
 * module scripts from its own origin, which needs no CORS; the flag would let *other* origins read our files.
 */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  codeCache: true,
} as const;

/** Is this URL one of our own pages? Anything else (http, file, other hosts, user:pass@, ports) is foreign. */
export function isAppUrl(url: string | null | undefined): boolean {
  if (!url) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false; // Not a URL at all, so certainly not ours.
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    // Chromium lower-cases hosts of standard schemes; Node keeps them as typed. Same origin either way.
    parsed.hostname.toLowerCase() === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

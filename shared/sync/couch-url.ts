/**
 * Server addresses: parsed once, always ending in '/', credentials split off so that an address can be logged or
 * shown without them. rxdb's CouchDB replication silently misbehaves on a URL without the trailing slash.
 */
export interface ServerAddress {
  /** `http(s)://host:port/path/`, no user info, always ending in '/'. */
  url: string;
  /** From `http://user:password@host/`, if the address carried them. */
  username?: string;
  password?: string;
}

export class ServerUrlError extends Error {}

export function parseServerUrl(input: string): ServerAddress {
  let parsed: URL;
  try {
    parsed = new URL(input.trim());
  } catch {
    throw new ServerUrlError('The server address is not a URL. It looks like http://couch.example:5984/');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new ServerUrlError('The server address must start with http:// or https://');
  }
  if (parsed.search || parsed.hash) throw new ServerUrlError('The server address must not have a ? or # part');
  const username = parsed.username ? decodeURIComponent(parsed.username) : undefined;
  const password = parsed.password ? decodeURIComponent(parsed.password) : undefined;
  parsed.username = '';
  parsed.password = '';
  const url = parsed.toString();
  return { url: url.endsWith('/') ? url : `${url}/`, ...(username ? { username } : {}), ...(password ? { password } : {}) };
}

/**
 * KASSA_COUCH_URL as configured: checked now, so a typo stops the start with a message that never repeats a
 * password. Empty means none.
 */
export function checkedCouchUrl(value: string | undefined): string | null {
  if (value === undefined || value.trim() === '') return null;
  try {
    parseServerUrl(value);
  } catch (error) {
    throw new Error(`KASSA_COUCH_URL (${redactUrl(value)}): ${(error as Error).message}`);
  }
  return value.trim();
}

/** For logs and screens: the address with any user info replaced. Never throws. */
export function redactUrl(input: string): string {
  try {
    const parsed = new URL(input);
    if (parsed.username || parsed.password) {
      parsed.username = '***';
      parsed.password = '';
    }
    return parsed.toString();
  } catch {
    // Not a URL (a typo): still hide anything that looks like user:password@.
    return input.replace(/\/\/[^/@\s]*@/g, '//***@').replace(/[^\s/@:]+:[^\s/@]*@/g, '***@');
  }
}

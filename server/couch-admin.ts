/**
 * A small CouchDB client for set-up, authenticated as a server admin (Basic auth from the URL's user info).
 * Errors name the request and the status, never the password.
 */
import { parseServerUrl } from '../shared/sync/couch-url';

export interface CouchAnswer<T = unknown> {
  status: number;
  body: T;
}

export class CouchAdminError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'CouchAdminError';
  }
}

export class CouchAdmin {
  readonly url: string;
  private readonly authorization: string;

  constructor(
    adminUrl: string,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {
    const parsed = parseServerUrl(adminUrl);
    if (!parsed.username || !parsed.password) {
      throw new CouchAdminError('The set-up URL needs the admin account in it: http://admin:password@host:5984/', 0);
    }
    this.url = parsed.url;
    this.authorization = `Basic ${Buffer.from(`${parsed.username}:${parsed.password}`).toString('base64')}`;
  }

  /** Any status is returned; only network failures throw. */
  async request<T = unknown>(method: string, path: string, body?: unknown): Promise<CouchAnswer<T>> {
    let response: Response;
    try {
      response = await this.fetchImpl(this.url + path, {
        method,
        headers: { authorization: this.authorization, accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(60_000),
      });
    } catch (error) {
      const code = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
      throw new CouchAdminError(`Cannot reach ${this.url} (${code})`, 0);
    }
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // Leave non-JSON answers as text; callers check the status first.
    }
    return { status: response.status, body: parsed as T };
  }

  /** Like request, but anything other than the expected statuses is an error that says what failed. */
  async expect<T = unknown>(what: string, method: string, path: string, body: unknown, ok: number[]): Promise<CouchAnswer<T>> {
    const answer = await this.request<T>(method, path, body);
    if (!ok.includes(answer.status)) {
      const detail = typeof answer.body === 'object' && answer.body ? JSON.stringify(answer.body).slice(0, 300) : String(answer.body).slice(0, 300);
      throw new CouchAdminError(`${what} failed: ${method} ${path} answered ${answer.status} ${detail}`, answer.status);
    }
    return answer;
  }
}

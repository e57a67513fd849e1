/**
 * The browser host listens on loopback only, but any web page the machine opens could still try to reach it.
 * These checks stop that: the Host header must be ours (no DNS rebinding), state-changing requests and
 * WebSockets must come from our own origin, and API calls must be JSON (a cross-site form cannot send that
 * without a CORS preflight, which we never grant).
 */
import type { IncomingMessage } from 'node:http';

export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

export function hostIsOurs(req: IncomingMessage, hosts: Set<string>): boolean {
  return typeof req.headers.host === 'string' && hosts.has(req.headers.host.toLowerCase());
}

/** Browsers always send Origin on POST and WebSocket upgrades; tools like curl send none, which we accept. */
export function originIsOurs(req: IncomingMessage, hosts: Set<string>): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  try {
    const url = new URL(origin);
    return url.protocol === 'http:' && hosts.has(url.host.toLowerCase());
  } catch {
    return false;
  }
}

export function isJsonRequest(req: IncomingMessage): boolean {
  const type = req.headers['content-type'];
  return typeof type === 'string' && type.split(';')[0]!.trim().toLowerCase() === 'application/json';
}

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self' ws:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

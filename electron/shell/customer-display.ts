/**
 * The customer display in Electron: a second window showing /customer-display (the same page the browser host
 * serves). It goes full screen on a second monitor when there is one (the customer-facing screen of a till), else
 * it opens as an ordinary window beside the till's. Only main opens it: a page asking for a new window gets this
 * one window (or nothing), never a window of its own choosing.
 */
import { APP_ORIGIN, isAppUrl } from './app-origin';

export const CUSTOMER_DISPLAY_URL = `${APP_ORIGIN}/customer-display`;

/** KASSA_CUSTOMER_DISPLAY: `auto` opens it at start when a second screen is attached; `on` always; `off` never. */
export type CustomerDisplayMode = 'auto' | 'on' | 'off';

export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What main knows of a monitor (Electron's `Display`, reduced to what the decision needs). */
export interface Monitor {
  id: number;
  workArea: Rectangle;
}

export interface Placement {
  bounds: Rectangle;
  /** Full screen on a monitor of its own; a window among the till's otherwise. */
  fullscreen: boolean;
}

const WINDOWED = { width: 800, height: 600 } as const;

/** Is this a request for the customer display (our origin, its path, with or without a trailing slash)? */
export function isCustomerDisplayUrl(url: string): boolean {
  if (!isAppUrl(url)) return false;
  const { pathname } = new URL(url);
  return pathname === '/customer-display' || pathname === '/customer-display/';
}

export function parseCustomerDisplayMode(value: string | undefined): CustomerDisplayMode {
  const v = value?.trim().toLowerCase();
  if (!v) return 'auto';
  if (v === 'auto' || v === 'on' || v === 'off') return v;
  throw new Error(`KASSA_CUSTOMER_DISPLAY must be auto, on or off (got "${value}")`);
}

/** The first monitor that is not the till's own; without one, a window in the till screen's top right corner. */
export function customerDisplayPlacement(monitors: readonly Monitor[], primaryId: number): Placement {
  const other = monitors.find((m) => m.id !== primaryId);
  if (other) return { bounds: { ...other.workArea }, fullscreen: true };
  const primary = monitors.find((m) => m.id === primaryId) ?? monitors[0];
  if (!primary) return { bounds: { x: 0, y: 0, ...WINDOWED }, fullscreen: false };
  const area = primary.workArea;
  const width = Math.min(WINDOWED.width, area.width);
  const height = Math.min(WINDOWED.height, area.height);
  return { bounds: { x: area.x + area.width - width, y: area.y, width, height }, fullscreen: false };
}

/** Open it at start (or when a monitor is plugged in) without anyone asking? */
export function opensByItself(mode: CustomerDisplayMode, monitorCount: number): boolean {
  return mode === 'on' || (mode === 'auto' && monitorCount > 1);
}

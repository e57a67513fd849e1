/**
 * The one set of webPreferences every Kassa window uses. Kept apart from main.ts so the hardening is asserted
 * by a test rather than trusted to review.
 */
import type { WebPreferences } from 'electron';

/** DevTools stay available in development; a packaged till hides them from the shop floor. */
export function secureWebPreferences(preloadPath: string, options: { devTools: boolean }): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    devTools: options.devTools,
  };
}

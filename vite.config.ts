/**
 * Builds the renderer (the React screens) into dist/renderer. Relative asset paths ('./') so the same build loads
 * under Electron's custom protocol and from the browser host. `KASSA_HOST_URL` proxies /api to a running browser
 * host during `vite dev`.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));
const hostUrl = process.env.KASSA_HOST_URL;

export default defineConfig({
  root: here('./renderer'),
  base: './',
  plugins: [react()],
  build: {
    outDir: here('./dist/renderer'),
    emptyOutDir: true,
    // Everything the page runs must come from files: the CSP forbids inline scripts and styles.
    assetsInlineLimit: 0,
  },
  server: hostUrl ? { proxy: { '/api': { target: hostUrl, ws: true } } } : {},
});

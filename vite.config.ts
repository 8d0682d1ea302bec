import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import postcssPresetMantine from 'postcss-preset-mantine';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * The renderer bundle. `base: './'` because Electron serves it from `app://paniers/` and the
 * web harness from `/`: relative URLs work for both. Everything (CSS, icons, fonts) is bundled:
 * the CSP is `default-src 'self'`, so nothing may come from the network.
 */
export default defineConfig({
  root: here('./renderer'),
  base: './',
  plugins: [react()],
  // Mantine's PostCSS preset (rem(), light-dark…), inline: no separate CommonJS config to lint.
  // Our CSS modules use no $breakpoint variables, so postcss-simple-vars is not needed.
  css: {
    postcss: {
      plugins: [postcssPresetMantine()],
    },
  },
  build: {
    outDir: here('./dist/renderer'),
    emptyOutDir: true,
    // Small images and fonts may become data: URLs (the CSP allows data: for img and font only).
    assetsInlineLimit: 4096,
    sourcemap: false,
    target: 'chrome130',
    chunkSizeWarningLimit: 2000,
  },
  server: { host: '127.0.0.1', strictPort: true },
});

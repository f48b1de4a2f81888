// Builds everything `npm start` and the tests run: the renderer (vite) and the host bundles (esbuild).
import { build as viteBuild } from 'vite';
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
};

await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' });
await Promise.all([
  // Host and Electron main keep node_modules external: native addons load from there (or app.asar.unpacked).
  build({
    ...common,
    entryPoints: ['electron/host/start.ts'],
    outfile: 'dist/host/start.cjs',
    packages: 'external',
  }),
  build({
    ...common,
    entryPoints: ['electron/shell/main.ts'],
    outfile: 'dist/electron/main.cjs',
    packages: 'external',
  }),
  // A sandboxed preload can only require('electron'): everything else is bundled in.
  build({
    ...common,
    entryPoints: ['electron/shell/preload.ts'],
    outfile: 'dist/electron/preload.cjs',
    external: ['electron'],
  }),
]);
console.log('built dist/renderer, dist/host/start.cjs, dist/electron/{main,preload}.cjs');

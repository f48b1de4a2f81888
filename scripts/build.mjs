// Builds everything `npm start` and the tests run: the renderer (vite) and the host bundles (esbuild).
//   node scripts/build.mjs                      dev: a development checkout (sandbox, virtual printer, test knobs)
//   node scripts/build.mjs --flavour=demo       packaged demo: sandbox and virtual printer, real timing
//   node scripts/build.mjs --flavour=production the shop build: no sandbox, no virtual printer, no test knobs
//   --out=DIR (default dist), --host-only (skip the renderer)
import { writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as viteBuild } from 'vite';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const flavour = arg('flavour', 'dev');
const out = resolve(root, arg('out', 'dist'));
if (!['dev', 'demo', 'production'].includes(flavour)) throw new Error(`unknown flavour ${flavour}`);

/** Folders a shop build must not contain: the embedded sandbox, the virtual printer, the knobs. */
export const DEMO_ONLY = [
  'electron/gateway/sandbox/',
  'printer/virtual/',
  'electron/host/edition/demo.ts',
  'electron/host/edition/knobs.ts',
];
const TEST_ONLY = ['electron/host/edition/knobs.ts'];

// electron/host/edition/index.ts is the dev edition; packaged builds get their own file instead.
const editionPlugin = {
  name: 'till-edition',
  setup(b) {
    if (flavour === 'dev') return;
    const target = join(root, 'electron', 'host', 'edition', `${flavour}.edition.ts`);
    b.onResolve({ filter: /[\\/]edition$/ }, (args) => {
      const hit = resolve(args.resolveDir, args.path);
      return hit === join(root, 'electron', 'host', 'edition') ? { path: target } : undefined;
    });
  },
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  metafile: true,
  plugins: [editionPlugin],
};

if (!process.argv.includes('--host-only'))
  await viteBuild({
    configFile: join(root, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: join(out, 'renderer') },
  });
const results = await Promise.all([
  // Host and Electron main keep node_modules external: native addons load from there (or app.asar.unpacked).
  build({
    ...common,
    entryPoints: [join(root, 'electron/host/start.ts')],
    outfile: join(out, 'host/start.cjs'),
    packages: 'external',
  }),
  build({
    ...common,
    entryPoints: [join(root, 'electron/shell/main.ts')],
    outfile: join(out, 'electron/main.cjs'),
    packages: 'external',
  }),
  // A sandboxed preload can only require('electron'): everything else is bundled in.
  build({
    ...common,
    entryPoints: [join(root, 'electron/shell/preload.ts')],
    outfile: join(out, 'electron/preload.cjs'),
    external: ['electron'],
  }),
]);

// What went in, checked rather than hoped for: tree-shaking is not a guarantee. An input counts
// when it put bytes into an output bundle.
const inputs = [
  ...new Set(
    results.flatMap((r) =>
      Object.values(r.metafile.outputs).flatMap((o) =>
        Object.entries(o.inputs)
          .filter(([, v]) => v.bytesInOutput > 0)
          .map(([p]) => p),
      ),
    ),
  ),
].map((p) => relative(root, resolve(root, p)).replaceAll('\\', '/'));
const banned = flavour === 'production' ? DEMO_ONLY : flavour === 'demo' ? TEST_ONLY : [];
const leaked = inputs.filter((p) => banned.some((b) => p.startsWith(b)));
if (leaked.length > 0)
  throw new Error(`the ${flavour} build must not contain:\n  ${leaked.join('\n  ')}`);
// The packages the bundles require: `csv-parse/sync` needs the package `csv-parse`.
const packageOf = (spec) =>
  spec.startsWith('node:')
    ? spec
    : spec
        .split('/')
        .slice(0, spec.startsWith('@') ? 2 : 1)
        .join('/');
const externals = [
  ...new Set(
    results.flatMap((r) =>
      Object.values(r.metafile.outputs).flatMap((o) =>
        o.imports.filter((i) => i.external).map((i) => packageOf(i.path)),
      ),
    ),
  ),
].sort();
writeFileSync(
  join(out, 'build.json'),
  `${JSON.stringify({ flavour, inputs: inputs.sort(), externals }, null, 2)}\n`,
);
console.log(
  `built ${flavour}: ${relative(root, out) || '.'}/{renderer,host/start.cjs,electron/{main,preload}.cjs}`,
);

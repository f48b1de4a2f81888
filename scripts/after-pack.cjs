// Runs after electron-builder packed the app: refuses a development build (the sandbox would be
// the default in a shop), then flips Electron's fuses on the packed binary: no RunAsNode, no
// NODE_OPTIONS, no --inspect, asar integrity checked and the app only loaded from the asar
// (Electron security checklist).
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

/** dist/build.json is written by scripts/build.mjs; `npm run dist` builds the production flavour. */
function checkFlavour(projectDir) {
  let build;
  try {
    build = JSON.parse(readFileSync(join(projectDir, 'dist', 'build.json'), 'utf8'));
  } catch {
    throw new Error('dist/build.json is missing: package with `npm run dist` (or dist:demo)');
  }
  if (build.flavour !== 'production' && build.flavour !== 'demo')
    throw new Error(
      `dist/ holds a ${build.flavour} build (sandbox by default, test knobs): package with \`npm run dist\``,
    );
  return build.flavour;
}

exports.checkFlavour = checkFlavour;
exports.default = async function afterPack(context) {
  checkFlavour(context.packager.info.projectDir);
  const { flipFuses, FuseVersion, FuseV1Options } = require('@electron/fuses');
  const exe = {
    win32: `${context.packager.appInfo.productFilename}.exe`,
    darwin: `${context.packager.appInfo.productFilename}.app`,
    linux: context.packager.executableName,
  }[context.electronPlatformName];
  await flipFuses(join(context.appOutDir, exe), {
    version: FuseVersion.V1,
    [FuseV1Options.RunAsNode]: false,
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    [FuseV1Options.EnableNodeCliInspectArguments]: process.env.TILL_E2E_INSPECT === '1',
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    [FuseV1Options.EnableCookieEncryption]: true,
  });
};

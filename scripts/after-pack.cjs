// Flips Electron's fuses on the packed binary: no RunAsNode, no NODE_OPTIONS, no --inspect,
// asar integrity checked and the app only loaded from the asar (Electron security checklist).
const { join } = require('node:path');
const { flipFuses, FuseVersion, FuseV1Options } = require('@electron/fuses');

exports.default = async function afterPack(context) {
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

import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * better-sqlite3 is a native addon built for one runtime. npm builds it for Node (tests, kiosk
 * mode); the postinstall builds a second copy for Electron's ABI into build/electron/ when the
 * Electron binary is present. Each runtime loads its own, so both paths keep working.
 */
export function nativeBindingPath(
  root: string,
  versions: NodeJS.ProcessVersions = process.versions,
): string | undefined {
  if (!versions.electron) return undefined;
  const candidates = [
    join(root, 'build', 'electron', 'better_sqlite3.node'),
    join(root.replace('app.asar', 'app.asar.unpacked'), 'build', 'electron', 'better_sqlite3.node'),
  ];
  return candidates.find((p) => existsSync(p));
}

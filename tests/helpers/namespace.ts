import { spawnSync } from 'node:child_process';

/**
 * A private user + mount namespace (`unshare -rm`, util-linux): the tests mount a tiny tmpfs
 * (a disk that really fills up) or a read-only bind mount there, without root and without
 * touching the machine's own mounts. Needs unprivileged user namespaces (Debian's default).
 */
export const UNSHARE = '/usr/bin/unshare';

export function namespacesWork(): boolean {
  const r = spawnSync(
    UNSHARE,
    ['-rm', 'sh', '-c', 'mount -t tmpfs tmpfs /mnt 2>/dev/null || mount -t tmpfs tmpfs /tmp'],
    {
      stdio: 'ignore',
      timeout: 5000,
    },
  );
  return r.status === 0;
}

/** Single-quoted for sh. */
export const sq = (s: string): string => `'${s.replaceAll("'", `'\\''`)}'`;

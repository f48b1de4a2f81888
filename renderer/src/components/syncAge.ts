import type { TFunction } from 'i18next';

/** A lag in the largest whole unit a cashier reads at a glance. */
export function syncAge(t: TFunction, ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 120) return t('sync.ageSec', { n: s });
  if (s < 7200) return t('sync.ageMin', { n: Math.round(s / 60) });
  return t('sync.ageHour', { n: Math.round(s / 3600) });
}

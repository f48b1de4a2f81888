import { TillError } from '../../../shared/errors';

/** A lookup that found nothing is NOT_FOUND on the field that named it. */
export const found = <T>(value: T | null, field: string): T => {
  if (value === null) throw new TillError('NOT_FOUND', field);
  return value;
};

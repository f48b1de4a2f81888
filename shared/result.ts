import type { ErrorCode } from './errors';

/** What crosses the UI/host boundary: never an exception, always one of these. */
export interface ApiError {
  code: ErrorCode;
  message: string;
  messageZh: string;
  /** Which field of the request was refused, when one was. */
  field?: string;
  /**
   * FORBIDDEN: the roles that may make this call, whether a supervisor's approval on the call
   * would do, and whether nobody is signed in at all.
   */
  need?: { roles: string[]; approval: boolean; signIn: boolean };
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (error: ApiError): Result<never> => ({ ok: false, error });

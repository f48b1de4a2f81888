export interface Migration {
  version: number;
  name: string;
  /** Plain SQL, run inside one transaction together with the user_version bump. */
  up: string;
  /**
   * The migration rebuilds a table that others reference (SQLite cannot alter a CHECK): foreign
   * keys are switched off around its transaction, as SQLite's own recipe says, and checked with
   * `foreign_key_check` before it commits.
   */
  rebuildsTables?: boolean;
}

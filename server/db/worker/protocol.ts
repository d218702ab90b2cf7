/** What opens the embedded database inside the worker (the thread's `workerData`). */
export interface PgliteWorkerData {
  dataDir: string;
  /** A `dumpDataDir()` tarball's bytes to start an empty data dir from. */
  template?: ArrayBuffer;
}

/**
 * What the main thread asks of the worker: one statement (with its parameters; `begin`: open a
 * transaction first, which saves a transaction one trip between the threads), or close the database.
 */
export type PgliteCommand = { op: 'query'; sql: string; params: readonly unknown[]; begin?: boolean } | { op: 'close' };

/** A command on the wire, numbered so its answer finds its caller. */
export type PgliteRequest = PgliteCommand & { id: number };

/** A database error as it crosses threads: its message and PostgreSQL's fields (`code`, `constraint`, `detail`…). */
export interface PgliteErrorFields {
  message: string;
  name: string;
  [field: string]: unknown;
}

/** The worker's answer to one request; `ready` (id 0) once the database is open and `failed` if it could not open. */
export type PgliteResponse =
  | { id: number; ok: true; rows: unknown[]; affectedRows: number | undefined }
  | { id: number; ok: false; error: PgliteErrorFields };

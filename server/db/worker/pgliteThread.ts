import { Worker } from 'node:worker_threads';
import type { PgliteCommand, PgliteErrorFields, PgliteRequest, PgliteResponse, PgliteWorkerData } from './protocol.ts';

/** A PGlite database that runs on a worker thread (pgliteWorker.ts), seen from the main thread. */
export interface PgliteThread {
  /**
   * Runs one statement (after BEGIN when `begin`); rows as objects (PGlite's `rowMode: 'object'`).
   * Rejects with PostgreSQL's error fields.
   */
  query(sql: string, params: readonly unknown[], begin?: boolean): Promise<{ rows: unknown[]; affectedRows: number | undefined }>;
  /** Closes the database (it writes its last pages) and ends the thread. Safe to call twice. */
  close(): Promise<void>;
}

/** The database error thrown on the main thread: PGlite's own message, `code`, `constraint`, `detail`… */
function databaseError(fields: PgliteErrorFields): Error {
  const { message, name, ...rest } = fields;
  return Object.assign(new Error(message), { name }, rest);
}

/**
 * Opens the PGlite data dir `dataDir` on a new worker thread (from `template`'s bytes when the dir is
 * empty). Resolves once the database is open; rejects with why it could not open.
 */
export async function startPgliteThread(dataDir: string, template?: Blob): Promise<PgliteThread> {
  const data: PgliteWorkerData = { dataDir, ...(template ? { template: await template.arrayBuffer() } : {}) };
  const worker = new Worker(new URL('./pgliteWorker.ts', import.meta.url), {
    workerData: data,
    ...(data.template ? { transferList: [data.template] } : {}),
  });
  const pending = new Map<number, { resolve: (r: PgliteResponse) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  let stopped: Error | undefined;
  const ready = new Promise<PgliteResponse>((resolve, reject) => pending.set(0, { resolve, reject }));

  worker.on('message', (response: PgliteResponse) => {
    const waiting = pending.get(response.id);
    pending.delete(response.id);
    waiting?.resolve(response);
  });
  const fail = (e: Error) => {
    stopped ??= e;
    for (const waiting of pending.values()) waiting.reject(e);
    pending.clear();
  };
  worker.on('error', (e) => fail(e));
  worker.on('exit', (code) => fail(new Error(`the embedded database's thread stopped (exit ${code})`)));

  const ask = (command: PgliteCommand): Promise<PgliteResponse> => {
    if (stopped) return Promise.reject(stopped);
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.postMessage({ ...command, id } satisfies PgliteRequest);
    });
  };

  const opened = await ready.catch((e: Error) => ({ id: 0, ok: false, error: { name: e.name, message: e.message } }) as const);
  if (!opened.ok) {
    await worker.terminate();
    throw databaseError(opened.error);
  }

  let closing: Promise<void> | undefined;
  return {
    async query(sql, params, begin) {
      const response = await ask({ op: 'query', sql, params, ...(begin ? { begin } : {}) });
      if (!response.ok) throw databaseError(response.error);
      return { rows: response.rows, affectedRows: response.affectedRows };
    },
    close() {
      closing ??= (async () => {
        if (!stopped) await ask({ op: 'close' });
        await worker.terminate();
      })();
      return closing;
    },
  };
}

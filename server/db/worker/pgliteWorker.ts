/**
 * The embedded database's own thread: PGlite (PostgreSQL compiled to WebAssembly) runs every statement
 * here, so a busy checkout never holds up the room's ticks on the main thread. It answers one
 * `PgliteRequest` at a time (the main side sends one at a time: PGlite is one connection).
 * NOTE: plain TypeScript that Node runs as is (type stripping): no enums, no parameter properties.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import type { PgliteErrorFields, PgliteRequest, PgliteResponse, PgliteWorkerData } from './protocol.ts';

const port = parentPort;
if (!port) throw new Error('pgliteWorker.ts runs as a worker thread (see workerDialect.ts)');
const { dataDir, template } = workerData as PgliteWorkerData;

function errorFields(e: unknown): PgliteErrorFields {
  if (!(e instanceof Error)) return { name: 'Error', message: String(e) };
  const fields: PgliteErrorFields = { name: e.name, message: e.message };
  for (const [key, value] of Object.entries(e)) {
    if (value === undefined || typeof value === 'function' || typeof value === 'object') continue;
    fields[key] = value;
  }
  return fields;
}

const answer = (response: PgliteResponse) => port.postMessage(response);

let pglite: PGlite;
try {
  pglite = await PGlite.create({ dataDir, ...(template ? { loadDataDir: new Blob([template]) } : {}) });
  answer({ id: 0, ok: true, rows: [], affectedRows: undefined });
} catch (e) {
  answer({ id: 0, ok: false, error: errorFields(e) });
  throw e;
}

port.on('message', async (request: PgliteRequest) => {
  try {
    if (request.op === 'close') {
      if (!pglite.closed) await pglite.close();
      answer({ id: request.id, ok: true, rows: [], affectedRows: undefined });
      port.close();
      return;
    }
    if (request.begin) await pglite.query('begin');
    const result = await pglite.query(request.sql, request.params as unknown[], { rowMode: 'object' });
    answer({ id: request.id, ok: true, rows: result.rows, affectedRows: result.affectedRows });
  } catch (e) {
    answer({ id: request.id, ok: false, error: errorFields(e) });
  }
});

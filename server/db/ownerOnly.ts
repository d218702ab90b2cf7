import fs from 'node:fs';
import path from 'node:path';

/**
 * Takes group and other permissions off everything under `dir` (files 0600 at most, directories
 * 0700). NOTE: PGlite writes the files of a new database with explicit modes (0666), which a umask
 * cannot narrow; the database holds the session secret.
 */
export function ownerOnly(dir: string): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const file = path.join(entry.parentPath, entry.name);
    const mode = fs.statSync(file).mode & 0o777;
    if (mode & 0o077) fs.chmodSync(file, mode & 0o700);
  }
  fs.chmodSync(dir, 0o700);
}

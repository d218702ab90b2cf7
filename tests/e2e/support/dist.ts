import path from 'node:path';

/**
 * The built client the e2e servers serve: `dist/` (made by `npm run build` before the suite), or
 * another build named by `COURTSIDE_E2E_DIST`, so a test can run against a private build while the
 * tree's own `dist/` is being rebuilt.
 */
export const E2E_DIST = path.resolve(process.env.COURTSIDE_E2E_DIST ?? 'dist');

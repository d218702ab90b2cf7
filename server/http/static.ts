import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import express, { type RequestHandler, type Router } from 'express';

/** The compressed copies the build writes next to a file (vite.config.ts), in the order they are preferred. */
const ENCODINGS = [
  { encoding: 'br', suffix: '.br' },
  { encoding: 'gzip', suffix: '.gz' },
] as const;

/**
 * Serves the built client from `distDir`: hashed files under /assets are cached for a year, everything
 * else (index.html, models) is revalidated; a file the build also wrote as `.br` or `.gz` goes out
 * compressed to a browser that accepts it, brotli first. Without a build, `/` says how to make one.
 */
export function staticRouter(distDir: string): Router {
  const router = express.Router();
  const indexFile = path.join(distDir, 'index.html');
  const setHeaders = (res: http.ServerResponse, file: string) => {
    const hashed = file.startsWith(path.join(distDir, 'assets') + path.sep);
    res.setHeader('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
  };
  router.use(precompressed(distDir, setHeaders));
  router.use(express.static(distDir, { index: false, setHeaders }));
  router.get('/', (_req, res) => {
    if (!fs.existsSync(indexFile)) {
      res.status(503).type('text/plain').send('Courtside client is not built yet: run `npm run build` (or `npm start`).\n');
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(indexFile);
  });
  return router;
}

/**
 * Sends `<file>.br` or `<file>.gz` instead of `<file>` when the build wrote one and the browser
 * accepts that encoding, with the original's type; anything else falls through to express.static.
 */
function precompressed(distDir: string, setHeaders: (res: http.ServerResponse, file: string) => void): RequestHandler {
  const root = path.resolve(distDir);
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const file = path.resolve(root, `.${decodeURIComponent(req.path)}`);
    // NOTE: a path that climbs out of the build (`..`) is express.static's to refuse.
    if (!file.startsWith(root + path.sep) || path.extname(file) === '') return next();
    // NOTE: one at a time, in our order: asked for a list, Express answers in the browser's (gzip before br).
    const chosen = ENCODINGS.find((e) => req.acceptsEncodings(e.encoding) === e.encoding && fs.existsSync(file + e.suffix));
    res.vary('Accept-Encoding');
    if (!chosen) return next();
    res.type(path.extname(file));
    res.setHeader('Content-Encoding', chosen.encoding);
    setHeaders(res, file);
    res.sendFile(file + chosen.suffix, (err) => {
      if (err) next(err);
    });
  };
}

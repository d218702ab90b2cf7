import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';

/** Where the app serves the controller and hand models (the XR store's `baseAssetPath`). */
export const INPUT_PROFILES_PATH = 'xr-profiles/';

/**
 * The input profiles Courtside serves: Quest 3 / 3S (Touch Plus), Quest 2 (Touch v3), and the hand mesh.
 * Anything else falls back to `meta-quest-touch-plus` (the store's default profile).
 */
export const SERVED_PROFILES = ['meta-quest-touch-plus', 'oculus-touch-v3', 'generic-hand'] as const;

function profilesDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@webxr-input-profiles/assets/package.json')), 'dist', 'profiles');
}

/** The files to serve, by URL path below `INPUT_PROFILES_PATH`: a trimmed profilesList.json plus each profile folder. */
export function inputProfileFiles(): Map<string, string | Buffer> {
  const dir = profilesDir();
  const files = new Map<string, string | Buffer>();
  const list = JSON.parse(readFileSync(join(dir, 'profilesList.json'), 'utf8')) as Record<string, unknown>;
  const trimmed = Object.fromEntries(SERVED_PROFILES.map((id) => [id, list[id] ?? { path: `${id}/profile.json` }]));
  files.set('profilesList.json', JSON.stringify(trimmed));
  for (const id of SERVED_PROFILES) {
    for (const name of readdirSync(join(dir, id))) files.set(`${id}/${name}`, readFileSync(join(dir, id, name)));
  }
  return files;
}

const TYPES: Record<string, string> = { json: 'application/json', glb: 'model/gltf-binary' };

/**
 * Copies the few WebXR input profiles we use from `@webxr-input-profiles/assets` (98 MB in full) into
 * the build, and serves them from the dev server, so controller and hand models never come from a CDN.
 */
export function inputProfiles(): Plugin {
  return {
    name: 'courtside-input-profiles',
    configureServer(server) {
      const files = inputProfileFiles();
      server.middlewares.use((req, res, next) => {
        const path = req.url?.split('?')[0] ?? '';
        const file = path.startsWith(`/${INPUT_PROFILES_PATH}`)
          ? files.get(path.slice(INPUT_PROFILES_PATH.length + 1))
          : undefined;
        if (file === undefined) return next();
        res.setHeader('Content-Type', TYPES[path.split('.').pop() ?? ''] ?? 'application/octet-stream');
        res.end(file);
      });
    },
    generateBundle() {
      for (const [name, source] of inputProfileFiles()) {
        this.emitFile({ type: 'asset', fileName: `${INPUT_PROFILES_PATH}${name}`, source });
      }
    },
  };
}

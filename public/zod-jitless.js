// The page's CSP allows no eval. Zod probes `new Function` once to compile fast parsers; the probe is
// caught, but the browser still reports it as a CSP violation. zod reads its global config from here
// (what `z.config({ jitless: true })` writes), and this classic script runs before the app's modules,
// whose chunks build schemas as they load (a z.config call in main.tsx would come too late).
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, { jitless: true });

import type { Application } from 'express';
import { API } from '../../shared/api.ts';
import type { AppContext } from '../context.ts';
import { healthRouter, type HealthSources } from '../ops/healthRoutes.ts';
import { METRICS_PATH, metricsRoute } from '../ops/metricsRoute.ts';
import { demoPayRouter } from '../payments/demo/demoRoutes.ts';
import { paymentsRoute } from '../payments/paymentsRoute.ts';
import { apiRouter } from './api.ts';
import { errorHandler } from './errors.ts';
import { staticRouter } from './static.ts';

/** The process's HTTP routes on Colyseus's Express app: health, metrics, the API, the demo payments, the page. */
export function mountHttp(app: Application, ctx: AppContext, demoPay: boolean, health: HealthSources): void {
  app.disable('x-powered-by');
  // NOTE: in a cluster the visitors come through the venue's proxy on this machine (server/cluster/proxy.ts),
  // which says who they are in X-Forwarded-For; per-IP limits must count them, not the proxy.
  if (ctx.config.redisUrl) app.set('trust proxy', 'loopback');
  app.use(healthRouter(health));
  app.get(API.health, async (_req, res) => {
    await ctx.db.selectFrom('settings').select('key').limit(1).execute();
    res.setHeader('Cache-Control', 'no-store');
    res.json({ ok: true, db: ctx.dbKind });
  });
  app.get(METRICS_PATH, metricsRoute(ctx.metrics, ctx.config.metricsToken));
  app.get(API.payments, paymentsRoute(ctx.config));
  app.use(apiRouter(ctx));
  if (demoPay) app.use(demoPayRouter(ctx.db, { perMinute: ctx.config.sessionRatePerMinute, now: ctx.checkout.now }));
  app.use(staticRouter(ctx.config.distDir));
  app.use(errorHandler(ctx.log));
}

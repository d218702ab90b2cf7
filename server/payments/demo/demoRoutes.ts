import express, { type Router } from 'express';
import type { Kysely } from 'kysely';
import { CardDetails, cardBrand, DEMO_CARDS, DEMO_PAY, notExpired, type PaymentMethod } from '../../../shared/demoPay.ts';
import { ErrorCode } from '../../../shared/protocol.ts';
import type { Database } from '../../db/schema.ts';
import { parseBody, sendError } from '../../http/errors.ts';
import { rateLimit } from '../../http/rateLimit.ts';
import { newDemoId } from './demoProvider.ts';

/**
 * The demo provider's tokenization endpoint, `POST /demo-pay/v1/payment_methods`: the browser sends the
 * card here, never to `/api`; the answer is a `pm_…` token and what may be shown (brand, last 4, expiry).
 * It checks the number's Luhn digit, that the card has not expired, and the CVC's shape. The number is
 * not stored or logged: only the test outcome it stands for (shared/demoPay.ts DEMO_CARDS).
 */
export function demoPayRouter(db: Kysely<Database>, options: { perMinute: number; now: () => number }): Router {
  const router = express.Router();
  router.use(DEMO_PAY.base, express.json({ limit: '4kb', strict: true }), (_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  router.post(
    DEMO_PAY.paymentMethods,
    rateLimit(options.perMinute, (req) => req.ip ?? 'unknown'),
    async (req, res) => {
      const card = parseBody(CardDetails, req.body);
      if (!notExpired(card.expMonth, card.expYear, new Date(options.now()))) {
        return sendError(res, ErrorCode.badRequest, 'the card has expired');
      }
      const method: PaymentMethod = {
        id: newDemoId('pm'),
        brand: cardBrand(card.number),
        last4: card.number.slice(-4),
        expMonth: card.expMonth,
        expYear: card.expYear,
      };
      await db
        .insertInto('demo_pay_methods')
        .values({
          id: method.id,
          brand: method.brand,
          last4: method.last4,
          exp_month: method.expMonth,
          exp_year: method.expYear,
          outcome: DEMO_CARDS[card.number]?.outcome ?? 'approve',
        })
        .execute();
      res.status(201).json(method);
    },
  );
  router.use(DEMO_PAY.base, (_req, res) => sendError(res, ErrorCode.notFound, 'no such demo payment route'));
  return router;
}

import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { API } from '../../../shared/api.ts';
import { CardDetails, DEMO_PAY, PaymentMethod } from '../../../shared/demoPay.ts';
import { PaymentsConfigResponse } from '../../../shared/payments.ts';
import { ErrorCode } from '../../../shared/protocol.ts';
import { errors, json } from './responses.ts';

/** Which provider takes the card, and the demo payment provider's own endpoint (served only while the demo provider is the one in use). */
export const demoPayPaths: ZodOpenApiPathsObject = {
  [API.payments]: {
    get: {
      summary: 'The payment provider the page hands the card to',
      description:
        '`{ "provider": "demo" }`: tokenize at POST /demo-pay/v1/payment_methods. `{ "provider": "stripe", "publishableKey" }` ' +
        '(when the server has STRIPE_SECRET_KEY): tokenize with Stripe.js (Payment Element) and send its `pm_…` id. ' +
        'Never the secret key.',
      responses: { '200': json('the payment provider', PaymentsConfigResponse), ...errors() },
    },
  },
  [DEMO_PAY.paymentMethods]: {
    post: {
      summary: 'Demo payment provider: turn a card into a payment method token (the store never sees the card)',
      description:
        'Checks the Luhn digit, the expiry and the CVC. Test cards: 4242 4242 4242 4242 approves, 4000 0000 0000 0002 ' +
        'declines, 4000 0000 0000 9995 insufficient funds, 4000 0000 0000 0119 network error (the answer is lost), ' +
        '4000 0000 0000 3220 slow. The token goes in `payment.paymentMethod` of an order or group-buy commit.',
      requestBody: { required: true, content: { 'application/json': { schema: CardDetails } } },
      responses: {
        '201': json('the payment method token and what may be shown of the card', PaymentMethod),
        ...errors(ErrorCode.badRequest, ErrorCode.rateLimited),
      },
    },
  },
};

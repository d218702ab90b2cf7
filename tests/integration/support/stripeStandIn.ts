import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for the part of Stripe's API the adapter uses, answering as Stripe documents it
 * (https://docs.stripe.com/api): form-encoded bodies with `a[b]` / `a[0]` keys, `Authorization: Bearer
 * sk_test_…`, `Idempotency-Key` replays (the same answer again, `Idempotent-Replayed: true`; other
 * parameters under a used key: 400 `idempotency_error`), PaymentIntent objects and statuses, the test
 * payment methods, refunds, PaymentIntent search by metadata, and the `{ error: { type, code,
 * decline_code, message, payment_intent } }` shape. Nothing here reaches Stripe.
 */
export interface StripeStandIn {
  /** `http://127.0.0.1:PORT` */
  url: string;
  /** The `stripe` client options that point it here. */
  clientOptions: { host: string; port: number; protocol: 'http' };
  /** Every request as received: method, path, Idempotency-Key. */
  requests: { method: string; path: string; idempotencyKey: string | null }[];
  /**
   * The next `count` POSTs are carried out but their answers are lost: the connection closes with no
   * response. NOTE: the `stripe` client sends a request again once after a closed connection (with
   * the same Idempotency-Key) even with retries off, so losing an answer for good takes two.
   */
  loseAnswers(count: number): void;
  /** The next request gets this 5xx without being carried out. */
  failNext(status: number): void;
  /** The PaymentIntents made so far. */
  paymentIntents(): PaymentIntentRecord[];
  close(): Promise<void>;
}

interface PaymentIntentRecord {
  id: string;
  object: 'payment_intent';
  amount: number;
  amount_capturable: number;
  amount_received: number;
  currency: string;
  status: 'requires_payment_method' | 'requires_confirmation' | 'requires_action' | 'requires_capture' | 'succeeded' | 'canceled';
  capture_method: 'automatic' | 'manual';
  payment_method: string | null;
  metadata: Record<string, string>;
  last_payment_error: { type: string; code: string; decline_code?: string; message: string } | null;
  latest_charge: string | null;
  client_secret: string;
  created: number;
  livemode: false;
}

interface ChargeRecord {
  id: string;
  object: 'charge';
  amount: number;
  amount_refunded: number;
  refunded: boolean;
  payment_intent: string;
}

/** Stripe's test payment methods and what a confirmation with each does. */
const TEST_METHODS: Record<string, { decline?: string; authenticate?: true }> = {
  pm_card_authenticationRequired: { authenticate: true },
  pm_card_visa: {},
  pm_card_mastercard: {},
  pm_card_chargeDeclined: { decline: 'generic_decline' },
  pm_card_chargeDeclinedInsufficientFunds: { decline: 'insufficient_funds' },
};

type Form = { [key: string]: string | Form };

/** `a[b][c]=1&d[0]=x` as nested objects (arrays as objects with index keys), as Stripe reads them. */
function parseForm(body: string): Form {
  const out: Form = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const path = key.replace(/\]/g, '').split('[');
    let node = out;
    for (const [i, part] of path.entries()) {
      if (i === path.length - 1) node[part] = value;
      else {
        node[part] ??= {};
        node = node[part] as Form;
      }
    }
  }
  return out;
}

const str = (form: Form, key: string) => (typeof form[key] === 'string' ? (form[key] as string) : undefined);
const list = (value: string | Form | undefined) =>
  typeof value === 'object'
    ? Object.values(value).filter((v) => typeof v === 'string')
    : typeof value === 'string'
      ? [value]
      : [];
const newId = (prefix: string) => `${prefix}_${randomBytes(12).toString('hex')}`;

class StripeError extends Error {
  readonly status: number;
  readonly body: Record<string, unknown>;
  constructor(status: number, body: Record<string, unknown>) {
    super(String(body.message));
    this.status = status;
    this.body = body;
  }
}
const invalid = (message: string, extra: Record<string, unknown> = {}) =>
  new StripeError(400, { type: 'invalid_request_error', message, ...extra });

/** Starts the stand-in on a free port of 127.0.0.1. */
export async function startStripeStandIn(): Promise<StripeStandIn> {
  const intents = new Map<string, PaymentIntentRecord>();
  const charges = new Map<string, ChargeRecord>();
  const replays = new Map<string, { fingerprint: string; status: number; body: string }>();
  const requests: StripeStandIn['requests'] = [];
  let toLose = 0;
  let failNextStatus: number | null = null;

  const intent = (id: string) => {
    const found = intents.get(id);
    if (!found)
      throw new StripeError(404, {
        type: 'invalid_request_error',
        code: 'resource_missing',
        message: `No such payment_intent: '${id}'`,
      });
    return found;
  };
  const view = (pi: PaymentIntentRecord, expand: string[]) =>
    expand.includes('latest_charge') && pi.latest_charge ? { ...pi, latest_charge: charges.get(pi.latest_charge) } : pi;
  const unexpected = (pi: PaymentIntentRecord, action: string) =>
    invalid(`This PaymentIntent could not be ${action} because it has a status of ${pi.status}.`, {
      code: 'payment_intent_unexpected_state',
      payment_intent: pi,
    });

  const confirm = (pi: PaymentIntentRecord, method: string | undefined) => {
    if (pi.status !== 'requires_payment_method' && pi.status !== 'requires_confirmation') throw unexpected(pi, 'confirmed');
    const pm = method ?? pi.payment_method;
    const test = pm ? TEST_METHODS[pm] : undefined;
    if (!pm || !test)
      throw invalid(`No such PaymentMethod: '${pm ?? ''}'`, { code: 'resource_missing', param: 'payment_method' });
    pi.payment_method = pm;
    if (test.decline) {
      pi.status = 'requires_payment_method';
      pi.last_payment_error = {
        type: 'card_error',
        code: 'card_declined',
        decline_code: test.decline,
        message: test.decline === 'insufficient_funds' ? 'Your card has insufficient funds.' : 'Your card was declined.',
      };
      throw new StripeError(402, { ...pi.last_payment_error, payment_intent: pi });
    }
    if (test.authenticate) {
      // NOTE: 3-D Secure: Stripe waits for the cardholder on a page (next_action); nothing is charged yet.
      pi.status = 'requires_action';
      return;
    }
    const charge: ChargeRecord = {
      id: newId('ch'),
      object: 'charge',
      amount: pi.amount,
      amount_refunded: 0,
      refunded: false,
      payment_intent: pi.id,
    };
    charges.set(charge.id, charge);
    pi.latest_charge = charge.id;
    pi.last_payment_error = null;
    if (pi.capture_method === 'manual') {
      pi.status = 'requires_capture';
      pi.amount_capturable = pi.amount;
    } else {
      pi.status = 'succeeded';
      pi.amount_received = pi.amount;
    }
  };

  const routes: { method: string; pattern: RegExp; run: (m: string[], form: Form) => unknown }[] = [
    {
      method: 'POST',
      pattern: /^\/v1\/payment_intents$/,
      run: (_m, form) => {
        const amount = Number(str(form, 'amount'));
        const currency = str(form, 'currency');
        if (!Number.isInteger(amount) || amount < 1) throw invalid('Missing required param: amount.', { param: 'amount' });
        if (!currency) throw invalid('Missing required param: currency.', { param: 'currency' });
        const id = newId('pi');
        const pi: PaymentIntentRecord = {
          id,
          object: 'payment_intent',
          amount,
          amount_capturable: 0,
          amount_received: 0,
          currency,
          status: 'requires_payment_method',
          capture_method: str(form, 'capture_method') === 'manual' ? 'manual' : 'automatic',
          payment_method: str(form, 'payment_method') ?? null,
          metadata: Object.fromEntries(Object.entries((form.metadata as Form | undefined) ?? {}).map(([k, v]) => [k, String(v)])),
          last_payment_error: null,
          latest_charge: null,
          client_secret: `${id}_secret_${randomBytes(8).toString('hex')}`,
          created: Math.floor(Date.now() / 1000),
          livemode: false,
        };
        if (pi.payment_method) pi.status = 'requires_confirmation';
        if (pi.payment_method && !TEST_METHODS[pi.payment_method])
          throw invalid(`No such PaymentMethod: '${pi.payment_method}'`, { code: 'resource_missing', param: 'payment_method' });
        intents.set(id, pi);
        if (str(form, 'confirm') === 'true') confirm(pi, undefined);
        return view(pi, list(form.expand));
      },
    },
    {
      method: 'GET',
      pattern: /^\/v1\/payment_intents\/search$/,
      run: (_m, form) => {
        const q = /^metadata\['([^']+)'\]:'([^']*)'$/.exec(str(form, 'query') ?? '');
        if (!q) throw invalid("This stand-in searches only by one metadata field: metadata['key']:'value'.");
        const data = [...intents.values()].filter((pi) => pi.metadata[q[1]!] === q[2]);
        const expand = list(form.expand).map((e) => e.replace(/^data\./, ''));
        return {
          object: 'search_result',
          url: '/v1/payment_intents/search',
          has_more: false,
          next_page: null,
          data: data.map((pi) => view(pi, expand)),
        };
      },
    },
    {
      method: 'GET',
      pattern: /^\/v1\/payment_intents\/(pi_\w+)$/,
      run: (m, form) => view(intent(m[1]!), list(form.expand)),
    },
    {
      method: 'POST',
      pattern: /^\/v1\/payment_intents\/(pi_\w+)\/confirm$/,
      run: (m, form) => {
        const pi = intent(m[1]!);
        confirm(pi, str(form, 'payment_method'));
        return view(pi, list(form.expand));
      },
    },
    {
      method: 'POST',
      pattern: /^\/v1\/payment_intents\/(pi_\w+)\/capture$/,
      run: (m, form) => {
        const pi = intent(m[1]!);
        if (pi.status !== 'requires_capture') throw unexpected(pi, 'captured');
        const amount =
          str(form, 'amount_to_capture') === undefined ? pi.amount_capturable : Number(str(form, 'amount_to_capture'));
        if (!(amount > 0 && amount <= pi.amount_capturable))
          throw invalid('amount_to_capture must be at most the capturable amount.', { param: 'amount_to_capture' });
        pi.amount_received = amount;
        pi.amount_capturable = 0;
        pi.status = 'succeeded';
        if (pi.latest_charge) charges.get(pi.latest_charge)!.amount = amount;
        return view(pi, list(form.expand));
      },
    },
    {
      method: 'POST',
      pattern: /^\/v1\/payment_intents\/(pi_\w+)\/cancel$/,
      run: (m, form) => {
        const pi = intent(m[1]!);
        if (pi.status === 'succeeded' || pi.status === 'canceled') throw unexpected(pi, 'canceled');
        pi.status = 'canceled';
        pi.amount_capturable = 0;
        return view(pi, list(form.expand));
      },
    },
    {
      method: 'POST',
      pattern: /^\/v1\/refunds$/,
      run: (_m, form) => {
        const pi = intent(str(form, 'payment_intent') ?? '');
        const charge = pi.latest_charge ? charges.get(pi.latest_charge) : undefined;
        if (pi.status !== 'succeeded' || !charge)
          throw invalid(`This PaymentIntent (${pi.id}) does not have a successful charge to refund.`);
        const left = charge.amount - charge.amount_refunded;
        const amount = str(form, 'amount') === undefined ? left : Number(str(form, 'amount'));
        if (!(amount > 0 && amount <= left))
          throw invalid(`Refund amount (${amount}) is greater than unrefunded amount on charge (${left})`, {
            code: 'amount_too_large',
          });
        charge.amount_refunded += amount;
        charge.refunded = charge.amount_refunded === charge.amount;
        return {
          id: newId('re'),
          object: 'refund',
          amount,
          charge: charge.id,
          payment_intent: pi.id,
          status: 'succeeded',
          currency: pi.currency,
        };
      },
    },
  ];

  const answer = (res: ServerResponse, status: number, body: string, replayed = false) => {
    res.writeHead(status, {
      'Content-Type': 'application/json',
      'Request-Id': newId('req'),
      ...(replayed ? { 'Idempotent-Replayed': 'true' } : {}),
    });
    res.end(body);
  };

  const handle = (req: IncomingMessage, res: ServerResponse, raw: string) => {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const key = typeof req.headers['idempotency-key'] === 'string' ? req.headers['idempotency-key'] : null;
    requests.push({ method: req.method ?? '', path: url.pathname, idempotencyKey: key });
    if (failNextStatus !== null) {
      const status = failNextStatus;
      failNextStatus = null;
      return answer(
        res,
        status,
        JSON.stringify({ error: { type: 'api_error', message: 'An unknown error occurred (stand-in fault).' } }),
      );
    }
    const auth = /^Bearer (sk_test_\w+)$/.exec(req.headers.authorization ?? '');
    if (!auth)
      return answer(res, 401, JSON.stringify({ error: { type: 'invalid_request_error', message: 'Invalid API Key provided.' } }));
    const lose = req.method === 'POST' && toLose > 0;
    if (lose) toLose--;
    const fingerprint = createHash('sha256').update(`${req.method} ${url.pathname} ${raw}`).digest('hex');
    const replayKey = key && req.method === 'POST' ? `${auth[1]}:${key}` : null;
    const earlier = replayKey ? replays.get(replayKey) : undefined;
    let status: number;
    let body: string;
    let replayed = false;
    if (earlier && earlier.fingerprint !== fingerprint) {
      status = 400;
      body = JSON.stringify({
        error: {
          type: 'idempotency_error',
          message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
        },
      });
    } else if (earlier) {
      ({ status, body } = earlier);
      replayed = true;
    } else {
      const route = routes.find((r) => r.method === req.method && r.pattern.test(url.pathname));
      try {
        if (!route)
          throw new StripeError(404, {
            type: 'invalid_request_error',
            message: `Unrecognized request URL (${req.method}: ${url.pathname}).`,
          });
        status = 200;
        const form = parseForm(req.method === 'GET' ? url.search.slice(1) : raw);
        body = JSON.stringify(route.run(route.pattern.exec(url.pathname)!.slice(0), form));
      } catch (err) {
        if (!(err instanceof StripeError)) throw err;
        status = err.status;
        body = JSON.stringify({ error: err.body });
      }
      // NOTE: Stripe keeps the answer of any request that ran, errors included (not 5xx it never ran).
      if (replayKey) replays.set(replayKey, { fingerprint, status, body });
    }
    if (lose) {
      res.socket?.destroy();
      return;
    }
    answer(res, status, body, replayed);
  };

  const server = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      raw += chunk;
    });
    req.on('end', () => handle(req, res, raw));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    clientOptions: { host: '127.0.0.1', port, protocol: 'http' },
    requests,
    loseAnswers: (count) => {
      toLose = count;
    },
    failNext: (status) => {
      failNextStatus = status;
    },
    paymentIntents: () => [...intents.values()],
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

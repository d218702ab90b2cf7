import { sql, type Kysely } from 'kysely';

/**
 * Checkout in one statement each way. Reserving and settling an order were a transaction of seven to
 * nine statements, each a round trip between Node and the database, and the hot SKU's row stayed
 * locked across the ones after its decrement (one hot product sold at ~100 orders/s on PostgreSQL,
 * lock-bound). These two functions do the same steps inside the database, in one call and one
 * transaction, with the stock decrement last so its row lock is held only to the commit. The rules
 * stay in TypeScript (domain/checkout.ts prices the cart, fingerprints the request and orders the SKU
 * locks; domain/settle.ts builds the answer a retry replays); these only apply them atomically.
 *
 * - `checkout_reserve`: the visitor's cart must still be at the version the client saw; the
 *   Idempotency-Key is claimed, the cart's version moved on, the order inserted (every column given
 *   by the caller, the first free number of the candidates), the key pointed at it, and the stock
 *   taken line by line in the caller's order. A line short of stock raises `out_of_stock` (SQLSTATE
 *   P0001): nothing is kept. Answers `{result: 'reserved', order, stock}`, `{result: 'used'}` (the key
 *   was used before) or `{result: 'changed'}` (the cart moved on, or there is none).
 * - `checkout_settle`: the order leaves `reserved`/`authorizing` for the outcome (a no-op answering
 *   null when something settled it first); a paid order's units leave the cart (the cart's version
 *   moves on), a declined or expired order's units go back on the shelf; the answer is stored for the
 *   order's key; a paid order with an email has its receipt claimed (a lease, see below). Answers
 *   `{order, stock, cart, squadId}`.
 * - An index on `idempotency_keys.order_id`: settling finds the key by its order (it was a scan).
 * - Mail leases: `receipt_sent_at` / `refund_mail_sent_at` now say a mail went out (they said it was
 *   claimed, so a crash between the claim and the send lost the mail for good); a sender claims a
 *   mail by a lease (`receipt_lease_until` / `refund_mail_lease_until`) and a mail whose lease ran
 *   out unsent is claimed again by the next pass (server/mail/orderMails.ts).
 */
const NOTES: [column: string, note: string][] = [
  ['receipt_sent_at', 'When the receipt email went out (set after the send; null while owed).'],
  ['refund_mail_sent_at', 'When the refund email went out (set after the send; null while owed).'],
  ['receipt_lease_until', 'A sender has claimed the receipt until then; past it, an unsent receipt is claimed again.'],
  ['refund_mail_lease_until', 'A sender has claimed the refund email until then; past it, an unsent one is claimed again.'],
];

export const RESERVE = sql`
create or replace function checkout_reserve(
  p_visitor text, p_key text, p_hash text, p_cart_version integer,
  p_order jsonb, p_numbers jsonb, p_lines jsonb
) returns jsonb language plpgsql as $$
declare
  v_version integer;
  v_claimed integer;
  v_order orders%rowtype;
  v_line record;
  v_left integer;
  v_stock jsonb := '{}';
begin
  select version into v_version from carts where visitor_id = p_visitor for update;
  if not found or v_version <> p_cart_version then
    perform 1 from idempotency_keys where visitor_id = p_visitor and key = p_key;
    return jsonb_build_object('result', case when found then 'used' else 'changed' end);
  end if;
  insert into idempotency_keys (visitor_id, key, request_hash) values (p_visitor, p_key, p_hash)
    on conflict (visitor_id, key) do nothing;
  get diagnostics v_claimed = row_count;
  if v_claimed = 0 then
    return jsonb_build_object('result', 'used');
  end if;
  update carts set version = version + 1, updated_at = now() where visitor_id = p_visitor;
  for i in 0 .. jsonb_array_length(p_numbers) - 1 loop
    insert into orders
      select * from jsonb_populate_record(null::orders, p_order || jsonb_build_object('number', p_numbers -> i))
      on conflict (number) do nothing
      returning * into v_order;
    exit when found;
  end loop;
  if v_order.id is null then
    raise exception 'could not find a free order number';
  end if;
  update idempotency_keys set order_id = v_order.id where visitor_id = p_visitor and key = p_key;
  for v_line in select l.item ->> 'sku' as sku, (l.item ->> 'quantity')::integer as quantity
      from jsonb_array_elements(p_lines) with ordinality as l(item, n) order by l.n loop
    update skus set stock = stock - v_line.quantity where sku = v_line.sku and stock >= v_line.quantity
      returning stock into v_left;
    if not found then
      raise exception using errcode = 'P0001', message = 'out_of_stock', detail = v_line.sku;
    end if;
    v_stock := v_stock || jsonb_build_object(v_line.sku, v_left);
  end loop;
  return jsonb_build_object('result', 'reserved', 'order', to_jsonb(v_order), 'stock', v_stock);
end
$$`;

export const SETTLE = sql`
create or replace function checkout_settle(
  p_order_id text, p_outcome text, p_payment_id text, p_bought jsonb, p_lock_order jsonb,
  p_response_status integer, p_response_body jsonb, p_receipt_lease_s integer
) returns jsonb language plpgsql as $$
declare
  v_order orders%rowtype;
  v_cart jsonb := null;
  v_line record;
  v_left integer;
  v_stock jsonb := '{}';
  v_squad text;
begin
  update orders set status = p_outcome, payment_id = p_payment_id, updated_at = now(),
      receipt_lease_until = case when p_outcome = 'paid' and email is not null and receipt_sent_at is null
        then now() + make_interval(secs => p_receipt_lease_s) else receipt_lease_until end
    where id = p_order_id and status in ('reserved', 'authorizing')
    returning * into v_order;
  if not found then
    return null;
  end if;
  if p_outcome = 'paid' then
    update carts set
      lines = jsonb_set(lines, '{lines}', (
        select coalesce(jsonb_agg(
          case when b.units is null then l.line
          else jsonb_set(l.line, '{quantity}', to_jsonb((l.line ->> 'quantity')::integer - b.units)) end
          order by l.n), '[]'::jsonb)
        from jsonb_array_elements(coalesce(lines -> 'lines', '[]'::jsonb)) with ordinality as l(line, n)
        left join (select key as sku, value::integer as units from jsonb_each_text(p_bought)) b
          on b.sku = (l.line ->> 'productId') || ':' || (l.line ->> 'colourwayId') || ':' || (l.line ->> 'size')
        where b.units is null or (l.line ->> 'quantity')::integer > b.units)),
      version = version + 1, updated_at = now()
    where visitor_id = v_order.visitor_id
    returning jsonb_build_object('stored', lines, 'version', version) into v_cart;
    select squad_id into v_squad from squad_members where visitor_id = v_order.visitor_id;
  else
    for v_line in select l.item ->> 'sku' as sku, (l.item ->> 'quantity')::integer as quantity
        from jsonb_array_elements(p_lock_order) with ordinality as l(item, n) order by l.n loop
      update skus set stock = stock + v_line.quantity where sku = v_line.sku returning stock into v_left;
      v_stock := v_stock || jsonb_build_object(v_line.sku, v_left);
    end loop;
  end if;
  update idempotency_keys set response_status = p_response_status, response_body = p_response_body
    where order_id = p_order_id;
  return jsonb_build_object('order', to_jsonb(v_order), 'stock', v_stock, 'cart', v_cart, 'squadId', v_squad);
end
$$`;

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on the app's current schema type; Kysely documents Kysely<any> for them.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('orders')
    .addColumn('receipt_lease_until', 'timestamptz')
    .addColumn('refund_mail_lease_until', 'timestamptz')
    .execute();
  for (const [column, note] of NOTES) {
    await sql`comment on column ${sql.ref(`orders.${column}`)} is ${sql.lit(note)}`.execute(db);
  }
  await db.schema.createIndex('idempotency_keys_order').on('idempotency_keys').column('order_id').execute();
  await RESERVE.execute(db);
  await SETTLE.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop function if exists checkout_settle(text, text, text, jsonb, jsonb, integer, jsonb, integer)`.execute(db);
  await sql`drop function if exists checkout_reserve(text, text, text, integer, jsonb, jsonb, jsonb)`.execute(db);
  await db.schema.dropIndex('idempotency_keys_order').execute();
  await db.schema.alterTable('orders').dropColumn('receipt_lease_until').dropColumn('refund_mail_lease_until').execute();
}

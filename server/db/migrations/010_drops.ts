import { sql, type Kysely } from 'kysely';
import { RESERVE as RESERVE_008, SETTLE as SETTLE_008 } from './008_checkout_statements.ts';

/**
 * The fair drop (shared/drop.ts): one row per drop (one per event, the draw's order on it as one
 * JSON array: one row written at the draw, not one per entrant), one per entrant and one per hold (a drawn unit kept for one entrant until it is bought
 * or lapses). A drop takes its units from `skus.stock` once, at the draw; a hold's unit is never on
 * the shelf, so checkout consumes the hold instead of taking stock again.
 *
 * `checkout_reserve` gains `p_holds` (ids of the visitor's held units, one order line each, priced by
 * the caller at the drop price and left out of `p_lines`): each must still be `held` by this visitor
 * and unexpired at `p_now`, or it raises `hold_lapsed` (P0001) and nothing is kept; it becomes
 * `ordering` with the order's id. `checkout_settle` marks such holds `bought` when the order is paid,
 * or gives them back (`held`, same expiry) when it is declined or expired — their units do not go back
 * on the shelf; a hold that lapsed meanwhile passes to the next in line (domain/drop/holds.ts).
 */
const NOTES: [column: string, note: string][] = [
  ['drops.drawn_units', 'Units the draw took from stock (fewer than `units` when the SKU had fewer).'],
  ['drops.next_offer', 'Draw position of the next entrant in line to be offered a lapsed hold.'],
  [
    'drops.draw_order',
    "The draw: every entrant's visitor id in the order drawn (the first `drawn_units` won); null until the draw.",
  ],
  ['drop_holds.status', 'held (the winner may pay), ordering (an order is paying), bought, or lapsed.'],
];

const RESERVE = sql`
create or replace function checkout_reserve(
  p_visitor text, p_key text, p_hash text, p_cart_version integer,
  p_order jsonb, p_numbers jsonb, p_lines jsonb, p_holds jsonb default '[]', p_now timestamptz default now()
) returns jsonb language plpgsql as $$
declare
  v_version integer;
  v_claimed integer;
  v_order orders%rowtype;
  v_line record;
  v_hold text;
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
  for v_hold in select jsonb_array_elements_text(p_holds) loop
    update drop_holds set status = 'ordering', order_id = v_order.id, updated_at = now()
      where id = v_hold and visitor_id = p_visitor and status = 'held' and expires_at > p_now;
    if not found then
      raise exception using errcode = 'P0001', message = 'hold_lapsed', detail = v_hold;
    end if;
  end loop;
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

const SETTLE = sql`
create or replace function checkout_settle(
  p_order_id text, p_outcome text, p_payment_id text, p_bought jsonb, p_lock_order jsonb,
  p_response_status integer, p_response_body jsonb, p_receipt_lease_s integer
) returns jsonb language plpgsql as $$
declare
  v_order orders%rowtype;
  v_cart jsonb := null;
  v_line record;
  v_units integer;
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
    update drop_holds set status = 'bought', updated_at = now() where order_id = p_order_id and status = 'ordering';
  else
    for v_line in select l.item ->> 'sku' as sku, (l.item ->> 'quantity')::integer as quantity
        from jsonb_array_elements(p_lock_order) with ordinality as l(item, n) order by l.n loop
      -- NOTE: a held unit was never on the shelf: it goes back to its hold, not to stock.
      select v_line.quantity - count(*) into v_units from drop_holds
        where order_id = p_order_id and status = 'ordering' and sku = v_line.sku;
      if v_units > 0 then
        update skus set stock = stock + v_units where sku = v_line.sku returning stock into v_left;
        v_stock := v_stock || jsonb_build_object(v_line.sku, v_left);
      end if;
    end loop;
    -- NOTE: the order id stays, so the app can find the hold this order gave back.
    update drop_holds set status = 'held', updated_at = now()
      where order_id = p_order_id and status = 'ordering';
  end if;
  update idempotency_keys set response_status = p_response_status, response_body = p_response_body
    where order_id = p_order_id;
  return jsonb_build_object('order', to_jsonb(v_order), 'stock', v_stock, 'cart', v_cart, 'squadId', v_squad);
end
$$`;

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on the app's current schema type; Kysely documents Kysely<any> for them.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('drops')
    .addColumn('event_id', 'text', (c) => c.primaryKey())
    .addColumn('sku', 'text', (c) => c.notNull().references('skus.sku'))
    .addColumn('units', 'integer', (c) => c.notNull().check(sql`units > 0`))
    .addColumn('prices', 'jsonb', (c) => c.notNull())
    .addColumn('entry_window_ms', 'integer', (c) => c.notNull())
    .addColumn('hold_ms', 'integer', (c) => c.notNull())
    .addColumn('line_length', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('scheduled', 'open', 'drawn')`))
    .addColumn('closes_at', 'timestamptz')
    .addColumn('drawn_units', 'integer')
    .addColumn('next_offer', 'integer')
    .addColumn('draw_order', 'jsonb')
    .addColumn('schema_version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createTable('drop_entries')
    .addColumn('event_id', 'text', (c) => c.notNull().references('drops.event_id'))
    .addColumn('visitor_id', 'text', (c) => c.notNull())
    .addColumn('entered_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('drop_entries_pk', ['event_id', 'visitor_id'])
    .execute();
  await db.schema
    .createTable('drop_holds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull().references('drops.event_id'))
    .addColumn('visitor_id', 'text', (c) => c.notNull())
    .addColumn('sku', 'text', (c) => c.notNull().references('skus.sku'))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('held', 'ordering', 'bought', 'lapsed')`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('order_id', 'text', (c) => c.references('orders.id'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('drop_holds_once', ['event_id', 'visitor_id'])
    .execute();
  await db.schema.createIndex('drop_holds_order').on('drop_holds').column('order_id').execute();
  await db.schema.createIndex('drop_holds_status_expiry').on('drop_holds').columns(['status', 'expires_at']).execute();
  for (const [column, note] of NOTES) {
    await sql`comment on column ${sql.ref(column)} is ${sql.lit(note)}`.execute(db);
  }
  // NOTE: a new parameter list is a new function in PostgreSQL: the old one goes, or calls are ambiguous.
  await sql`drop function checkout_reserve(text, text, text, integer, jsonb, jsonb, jsonb)`.execute(db);
  await RESERVE.execute(db);
  await SETTLE.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop function checkout_reserve(text, text, text, integer, jsonb, jsonb, jsonb, jsonb, timestamptz)`.execute(db);
  await RESERVE_008.execute(db);
  await SETTLE_008.execute(db);
  await db.schema.dropTable('drop_holds').execute();
  await db.schema.dropTable('drop_entries').execute();
  await db.schema.dropTable('drops').execute();
}

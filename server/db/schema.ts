import type { ColumnType, Generated } from 'kysely';

/** Columns read as one type, written as another (timestamps come back as Date). */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** jsonb columns: written as a JSON string, read back parsed. */
type Json<T> = ColumnType<T, string, string>;

export interface ProductsTable {
  id: string;
  /** The product as the catalog file describes it (shared/catalog.ts Product). */
  data: Json<unknown>;
  catalog_version: number;
}

export interface SkusTable {
  sku: string;
  product_id: string;
  stock: number;
}

export interface CartsTable {
  visitor_id: string;
  lines: Json<unknown>;
  version: number;
  updated_at: Timestamp;
}

export interface OrdersTable {
  id: string;
  number: string;
  visitor_id: string;
  status: string;
  currency: string;
  total: number;
  lines: Json<unknown>;
  schema_version: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface IdempotencyKeysTable {
  visitor_id: string;
  key: string;
  request_hash: string;
  order_id: string | null;
  response_status: number | null;
  response_body: Json<unknown> | null;
  created_at: Generated<Date>;
}

export interface SettingsTable {
  key: string;
  value: string;
}

export interface SquadsTable {
  id: string;
  /** The short invite code (shared/together.ts `SquadCode`). */
  code: string;
  created_at: Generated<Date>;
}

export interface SquadMembersTable {
  squad_id: string;
  /** Unique: a visitor is in one squad at most. */
  visitor_id: string;
  name: string;
  color: string;
  joined_at: Generated<Date>;
}

export interface GroupBuysTable {
  id: string;
  product_id: string;
  status: string;
  size: number;
  committed: Generated<number>;
  /** The deal as it stood when the group opened (`GroupDealRecord`, versioned by `schema_version`). */
  deal: Json<unknown>;
  schema_version: number;
  opened_at: Timestamp;
  ends_at: Timestamp;
  closed_at: Timestamp | null;
}

export interface GroupBuyCommitsTable {
  id: string;
  group_id: string;
  visitor_id: string;
  sku: string;
  colourway_id: string;
  size: string;
  currency: string;
  unit_price: number;
  authorization_id: string;
  status: string;
  order_id: string | null;
  idempotency_key: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** The database as Kysely sees it. */
export interface Database {
  products: ProductsTable;
  skus: SkusTable;
  carts: CartsTable;
  orders: OrdersTable;
  idempotency_keys: IdempotencyKeysTable;
  settings: SettingsTable;
  squads: SquadsTable;
  squad_members: SquadMembersTable;
  group_buys: GroupBuysTable;
  group_buy_commits: GroupBuyCommitsTable;
}

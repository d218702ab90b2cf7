import { schema, t, type SchemaType } from '@colyseus/schema';

/**
 * Room state (Colyseus schema 5). Poses are quantized integers (see shared/pose.ts).
 * The client imports only these types; the SDK decodes the state by reflection.
 *
 * Hands are flat fields, not child schemas: a child costs a structure switch per patch, and a desktop
 * visitor never sets any of them, so they cost that visitor nothing. `hands` says which are tracked
 * (`HAND_BIT` bits, shared/pose.ts); a hand's fields keep their last value while it is not.
 */
export const Player = schema(
  {
    name: t.string(),
    color: t.string(),
    x: t.int16(),
    y: t.int16(),
    z: t.int16(),
    yaw: t.uint16(),
    pitch: t.int16(),
    hands: t.uint8(),
    leftX: t.int16(),
    leftY: t.int16(),
    leftZ: t.int16(),
    leftQ: t.uint32(),
    rightX: t.int16(),
    rightY: t.int16(),
    rightZ: t.int16(),
    rightQ: t.uint32(),
  },
  'Player',
);
export type Player = SchemaType<typeof Player>;

export const ArenaState = schema(
  {
    venueName: t.string(),
    players: t.map(Player),
    /** Live stock per SKU key (`product:colourway:size`). */
    stock: t.map('int32'),
  },
  'ArenaState',
);
export type ArenaState = SchemaType<typeof ArenaState>;

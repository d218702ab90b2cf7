import { schema, t, type SchemaType } from '@colyseus/schema';

/**
 * Room state (Colyseus schema 5). Poses are quantized integers (see shared/pose.ts).
 * The client imports only these types; the SDK decodes the state by reflection.
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

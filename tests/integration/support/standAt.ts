import { MSG } from '../../../shared/protocol.ts';
import type { ArenaClientRoom, TestServer } from './testServer.ts';
import { until } from './until.ts';

/** Stands a joined visitor at (x, z) floor centimetres and waits until the server has the pose. */
export async function standAt(server: TestServer, room: ArenaClientRoom, x: number, z: number): Promise<void> {
  room.send(MSG.pose, { x, y: 165, z, yaw: 0, pitch: 0 });
  await until(() => {
    const p = server.room(room).state.players.get(room.sessionId);
    return p?.x === x && p.z === z;
  }, 'the pose to land');
}

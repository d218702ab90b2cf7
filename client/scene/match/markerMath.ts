import { directionFromCamera, directionVector, type MatchSource } from '../../../shared/match.ts';

const RAD = Math.PI / 180;

/**
 * Where a court point appears on a flat screen showing an angle: (u, v) in [0, 1] with v up, or null
 * when the point is outside the crop (or the source is flat video, whose framing is unknown).
 */
export function screenPointOf(
  source: MatchSource,
  point: readonly [number, number, number],
  aspect: number,
): [number, number] | null {
  if (source.projection !== 'equirect' || !source.screenView) return null;
  const dir = directionFromCamera(source.camera, point);
  let [x, y, z] = directionVector(dir.yaw, dir.pitch);
  // Undo the view's yaw (about y), then its pitch (about x): the inverse of screenMaterial's viewRotate.
  const yaw = source.screenView.yaw * RAD;
  const pitch = source.screenView.pitch * RAD;
  const cy = Math.cos(yaw);
  const sy = Math.sin(yaw);
  [x, z] = [x * cy - z * sy, x * sy + z * cy];
  const cp = Math.cos(pitch);
  const sp = Math.sin(pitch);
  [y, z] = [y * cp + z * sp, -y * sp + z * cp];
  if (z >= -1e-6) return null;
  const tanHalf = Math.tan((source.screenView.fov * RAD) / 2);
  const ndcX = x / -z / tanHalf;
  const ndcY = (y / -z / tanHalf) * aspect;
  if (Math.abs(ndcX) > 1 || Math.abs(ndcY) > 1) return null;
  return [(ndcX + 1) / 2, (ndcY + 1) / 2];
}

/** The direction (unit vector, in the 360° sphere's own frame) in which a court point appears from an angle's camera. */
export function sphereDirectionOf(source: MatchSource, point: readonly [number, number, number]): [number, number, number] {
  const dir = directionFromCamera(source.camera, point);
  return directionVector(dir.yaw, dir.pitch);
}

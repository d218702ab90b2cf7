import { Box3, Matrix4 } from 'three';
import type { Dimensions, Part } from './parts.ts';

/**
 * Scales and moves the parts so their joint bounding box is exactly `dimensions`, standing on
 * y = 0 and centred in x and z. Definitions build close to true size, so the scale only trims
 * the last few millimetres; AR placement relies on the result being true size.
 */
export function fitToDimensions(parts: Part[], dimensions: Dimensions): void {
  const box = new Box3();
  for (const { geometry } of parts) {
    geometry.computeBoundingBox();
    if (geometry.boundingBox) box.union(geometry.boundingBox);
  }
  const size = box.getSize(box.min.clone());
  const centre = box.getCenter(box.min.clone());
  const matrix = new Matrix4()
    .makeTranslation(0, dimensions.y / 2, 0)
    .multiply(new Matrix4().makeScale(dimensions.x / size.x, dimensions.y / size.y, dimensions.z / size.z))
    .multiply(new Matrix4().makeTranslation(-centre.x, -centre.y, -centre.z));
  for (const { geometry } of parts) geometry.applyMatrix4(matrix);
}

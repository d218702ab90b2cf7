import { POSE_RATE_LIMIT_HZ } from '../../../shared/pose.ts';
import { MSG } from '../../../shared/protocol.ts';
import type { RoomFeature } from '../../room/feature.ts';
import { applyPose } from './players.ts';

/** Poses: written onto the sender's player; above `POSE_RATE_LIMIT_HZ` they are dropped. */
export const poseFeature: RoomFeature = () => ({
  dropAbove: {
    [MSG.pose]: {
      perSecond: POSE_RATE_LIMIT_HZ,
      burst: POSE_RATE_LIMIT_HZ,
      notice: `pose updates above ${POSE_RATE_LIMIT_HZ}/s are dropped`,
    },
  },
  messages: {
    [MSG.pose]: ({ player, data }) => {
      applyPose(player, data);
      return undefined;
    },
  },
});

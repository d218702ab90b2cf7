import { POSE_RATE_LIMIT_HZ } from '../../../shared/pose.ts';
import { MSG } from '../../../shared/protocol.ts';
import type { RoomFeature } from '../../room/feature.ts';
import { applyPose, keepOffStage } from './players.ts';

/**
 * Poses: written onto the sender's player; above `POSE_RATE_LIMIT_HZ` they are dropped. While the
 * launch stage is up only the event's host stands on it: anyone else is placed at its rim.
 */
export const poseFeature: RoomFeature = ({ state }) => ({
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
      keepOffStage(player, state.event?.phase ?? '');
      return undefined;
    },
  },
});

import { useCallback, useEffect } from 'react';
import { HOST_MARK, stageIsUp, standingEyeHeight } from '../../../shared/stage.ts';
import { useApp, useServices } from '../../state/context.tsx';
import type { HostedEvent } from './hostBarLogic.ts';

/**
 * For the event's invited host: a way onto the stage (their mark in front of the hero), taken by
 * itself once each time the stage rises while they are in the arena. Null for anyone else (the venue
 * admin runs events from wherever they stand).
 * NOTE: this moves the desktop rig's pose; in a headset the visitor walks or teleports there.
 */
export function useStepOnStage(event: HostedEvent | null): (() => void) | null {
  const { localPlayer } = useServices();
  const invited = useApp((s) => s.visitor?.role === 'eventHost' && s.visitor.hostEventId === event?.id);
  const shown = useApp((s) => s.venueEvent?.id === event?.id);
  const up = shown && stageIsUp(event?.phase ?? '');
  const step = useCallback(() => {
    const { pose } = localPlayer;
    pose.x = HOST_MARK.x;
    pose.z = HOST_MARK.z;
    pose.yaw = HOST_MARK.yaw;
    pose.pitch = 0;
    pose.y = standingEyeHeight(pose.x, pose.z, up);
  }, [localPlayer, up]);
  useEffect(() => {
    if (invited && up) step();
  }, [invited, up, step]);
  return invited && shown ? step : null;
}

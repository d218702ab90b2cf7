import { ARENA } from '../../shared/arena.ts';

/** A point in court coordinates (metres; origin centre court on the floor, +x along the court, +y up). */
export type Vec3 = [number, number, number];

export type Side = 'home' | 'away';

/** Rim centre x of each basket: the rim is 1.6 m in from the baseline. */
export const RIM_X = ARENA.court.length / 2 - ARENA.hoop.rimFromBaseline;

/**
 * Which way each team attacks for the whole demo: the home team attacks +x, the away team -x
 * (no half-time in a 48 s clip, so it never changes).
 */
export function attackSign(team: Side): 1 | -1 {
  return team === 'home' ? 1 : -1;
}

/** The centre of the rim a team shoots at. */
export function rimCentre(team: Side): Vec3 {
  return [attackSign(team) * RIM_X, ARENA.hoop.rimHeight, 0];
}

export const BALL_RADIUS = 0.12;
export const GRAVITY = 9.81;

import { buildBall } from './ball.ts';
import { buildBottle } from './bottle.ts';
import { buildHeadband } from './headband.ts';
import { buildJersey, type JerseyParams } from './jersey.ts';
import type { Dimensions, ModelParts } from './parts.ts';
import { buildShoe, type ShoeParams } from './shoe.ts';
import { buildSock } from './sock.ts';
import { buildWristbands } from './wristbands.ts';

/** Which parametric definition draws a product, with its parameters. */
export type ModelDefinition =
  | ({ kind: 'shoe' } & ShoeParams)
  | ({ kind: 'jersey' } & JerseyParams)
  | { kind: 'ball' }
  | { kind: 'headband' }
  | { kind: 'wristbands' }
  | { kind: 'sock' }
  | { kind: 'bottle' };

/** The definition of every catalog product, by product id. */
export const DEFINITIONS: Readonly<Record<string, ModelDefinition>> = {
  'court-runner-2': { kind: 'shoe', top: 'low' },
  'sky-high-mid': { kind: 'shoe', top: 'mid' },
  'fastbreak-low': { kind: 'shoe', top: 'low' },
  'post-king-hi': { kind: 'shoe', top: 'high' },
  'home-jersey': { kind: 'jersey', cut: 'tank', number: '23' },
  'away-jersey': { kind: 'jersey', cut: 'tank', number: '23' },
  'city-edition-jersey': { kind: 'jersey', cut: 'tank', number: '7' },
  'shooting-shirt': { kind: 'jersey', cut: 'short-sleeve', number: '' },
  'pro-game-ball': { kind: 'ball' },
  'street-ball': { kind: 'ball' },
  'training-ball': { kind: 'ball' },
  'mini-ball': { kind: 'ball' },
  headband: { kind: 'headband' },
  wristbands: { kind: 'wristbands' },
  'crew-socks': { kind: 'sock' },
  'water-bottle': { kind: 'bottle' },
};

/** Builds the parts of one definition at (close to) the given true size. */
export function buildParts(definition: ModelDefinition, size: Dimensions): ModelParts {
  switch (definition.kind) {
    case 'shoe':
      return buildShoe(size, definition);
    case 'jersey':
      return buildJersey(size, definition);
    case 'ball':
      return buildBall(size);
    case 'headband':
      return buildHeadband(size);
    case 'wristbands':
      return buildWristbands(size);
    case 'sock':
      return buildSock(size);
    case 'bottle':
      return buildBottle(size);
  }
}

import { useEffect, useState } from 'react';
import type { RaffleProof } from '../../../shared/raffle.ts';
import { type RaffleVerdict, verifyRaffle } from '../../../shared/raffleVerify.ts';
import { useApp, useServices } from '../../state/context.tsx';

/** Where the proof view is: loading, failed to load, or the proof with the browser's own verdict. */
export type ProofState =
  | { kind: 'loading' }
  | { kind: 'failed'; error: unknown }
  | { kind: 'checked'; proof: RaffleProof; verdict: RaffleVerdict };

/**
 * Loads an event's public raffle proof and checks it here, in the browser, with shared/raffleVerify.ts
 * (the code `npm run verify:raffle` runs), with the visitor's own entry when they have one. Loaded
 * again whenever the room says the raffle moved a step.
 */
export function useRaffleProof(eventId: string): ProofState {
  const { connection } = useServices();
  const step = useApp((s) => s.eventExtras[eventId]?.raffle?.state);
  const entry = useApp((s) => s.myRaffleEntries[eventId] ?? undefined);
  const [state, setState] = useState<ProofState>({ kind: 'loading' });
  // biome-ignore lint/correctness/useExhaustiveDependencies: step is a trigger: each published step is a new proof to check.
  useEffect(() => {
    let live = true;
    setState({ kind: 'loading' });
    (async () => {
      try {
        const proof = await connection.eventExtras.loadProof(eventId);
        const verdict = await verifyRaffle(proof, entry ? { myEntry: entry } : {});
        if (live) setState({ kind: 'checked', proof, verdict });
      } catch (error) {
        if (live) setState({ kind: 'failed', error });
      }
    })();
    return () => {
      live = false;
    };
  }, [connection, eventId, entry, step]);
  return state;
}

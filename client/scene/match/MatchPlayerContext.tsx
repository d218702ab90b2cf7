import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';
import { useThree } from '@react-three/fiber';
import { expose } from '../../debug/inspect.ts';
import { createMatchPlayer, type MatchPlayer } from '../../media/matchPlayer.ts';
import { useServices } from '../../state/context.tsx';

const MatchPlayerContext = createContext<MatchPlayer | null>(null);

/** Makes the page's one match player while the 3D stage is mounted, for the screens and the 360° view. */
export function MatchPlayerProvider({ children }: { children: ReactNode }) {
  const { store, serverClock } = useServices();
  const get = useThree((s) => s.get);
  const [player, setPlayer] = useState<MatchPlayer | null>(null);
  useEffect(() => {
    const p = createMatchPlayer(store, serverClock);
    setPlayer(p);
    const hide = expose('matchPlayer', { player: p, three: get });
    return () => {
      hide();
      p.dispose();
    };
  }, [store, serverClock, get]);
  return <MatchPlayerContext.Provider value={player}>{children}</MatchPlayerContext.Provider>;
}

/** The match player (null for the first render, before it is made). */
export function useMatchPlayer(): MatchPlayer | null {
  return useContext(MatchPlayerContext);
}

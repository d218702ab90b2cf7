import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../state/context.tsx';
import { DropBox } from '../drop/DropBox.tsx';
import { RaffleBox } from '../raffle/RaffleBox.tsx';
import { RaffleProofView } from '../raffle/RaffleProofView.tsx';

/**
 * An event card's drop and raffle, and "Proof": the raffle's published steps checked in the browser.
 * Nothing for an event with neither.
 */
export function EventExtrasSection({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const hasRaffle = useApp((s) => !!s.eventExtras[eventId]?.raffle);
  const [showProof, setShowProof] = useState(false);
  return (
    <>
      <DropBox eventId={eventId} />
      <RaffleBox eventId={eventId} />
      {hasRaffle && (
        <button
          type="button"
          className="button ghost small"
          data-testid="raffle-proof-toggle"
          aria-expanded={showProof}
          onClick={() => setShowProof((v) => !v)}
        >
          {showProof ? t('raffle.hideProof') : t('raffle.proof')}
        </button>
      )}
      {hasRaffle && showProof && <RaffleProofView eventId={eventId} />}
    </>
  );
}

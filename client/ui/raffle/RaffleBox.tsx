import { shortHash } from './raffleLogic.ts';
import { useRaffleModel } from './useRaffleModel.ts';

/** The raffle card (DOM skin) of one launch event: its published steps, Enter the raffle, your entry and result. */
export function RaffleBox({ eventId }: { eventId: string | null }) {
  const m = useRaffleModel(eventId);
  if (!m) return null;
  return (
    <section className="drop-box raffle-box" data-testid="raffle-box" data-kind={m.kind} aria-label={m.title}>
      <div className="drop-head">
        <span className="group-buy-tag">{m.title}</span>
        <span className="small muted">{m.winnersCount}</span>
      </div>
      {m.status && (
        <p
          className="drop-status"
          data-testid="raffle-status"
          data-won={m.won === null ? undefined : String(m.won)}
          role="status"
        >
          {m.status}
        </p>
      )}
      {m.mine && (
        <p className="small" data-testid="raffle-entry">
          {m.mine}
        </p>
      )}
      <dl className="raffle-facts">
        {m.facts.map((f) => (
          <div key={f.id}>
            <dt>{f.label}</dt>
            <dd title={f.value} data-testid={`raffle-${f.id}`}>
              <code>{f.id === 'winners' ? f.value : shortHash(f.value)}</code>
            </dd>
          </div>
        ))}
      </dl>
      {m.failure && (
        <p className="error" role="alert">
          {m.failure}
        </p>
      )}
      {m.enterLabel && (
        <button
          type="button"
          className="button primary"
          data-testid="raffle-enter"
          disabled={m.busy}
          onClick={() => void m.enter()}
        >
          {m.enterLabel}
        </button>
      )}
    </section>
  );
}

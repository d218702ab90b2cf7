import { useDropModel } from './useDropModel.ts';

/** The drop card (DOM skin) of one launch event: the offer, Enter the drop, then the visitor's result. */
export function DropBox({ eventId }: { eventId: string | null }) {
  const m = useDropModel(eventId);
  if (!m) return null;
  return (
    <section className="drop-box" data-testid="drop-box" data-kind={m.kind} data-event-id={m.eventId} aria-label={m.title}>
      <div className="drop-head">
        <span className="group-buy-tag">{m.title}</span>
        <span className="small">{m.offer}</span>
      </div>
      {m.status && (
        <p className={`drop-status drop-${m.kind}`} data-testid="drop-status" role="status">
          {m.status}
        </p>
      )}
      {m.note && <p className="note">{m.note}</p>}
      {m.failure && (
        <p className="error" data-testid="drop-failure" role="alert">
          {m.failure}
        </p>
      )}
      {m.enterLabel && (
        <button type="button" className="button primary" data-testid="drop-enter" disabled={m.busy} onClick={m.enter}>
          {m.enterLabel}
        </button>
      )}
      {m.buyLabel && (
        <button type="button" className="button primary" data-testid="drop-buy" disabled={m.busy} onClick={m.buy}>
          {m.buyLabel}
        </button>
      )}
    </section>
  );
}

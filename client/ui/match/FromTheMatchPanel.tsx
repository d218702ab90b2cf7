import { PanelFrame } from '../panels/PanelFrame.tsx';
import { useFromTheMatch } from './useFromTheMatch.ts';

/**
 * The top bar's "From the match · 3" button, while there is a match (its own component: it re-renders on
 * the match's second tick). NOTE: on the top bar, not the match bar, so on a phone it can go into "More".
 */
export function FromTheMatchButton() {
  const m = useFromTheMatch();
  if (!m.available) return null;
  return (
    <button type="button" className="button ghost" data-testid="match-from" onClick={m.show}>
      {m.buttonLabel}
    </button>
  );
}

/** "From the match": every moment already over, newest first; each opens its product's card. */
export function FromTheMatchPanel() {
  const m = useFromTheMatch();
  return (
    <PanelFrame title={m.title} testId="from-match-panel" onClose={m.close}>
      {m.empty && <p className="empty">{m.empty}</p>}
      <ul className="from-match" data-testid="from-match-list">
        {m.items.map((i) => (
          <li key={i.id} className="from-match-item" data-testid="from-match-item" data-moment={i.id}>
            <div className="line-main">
              <strong>{i.label}</strong>
              <span className="muted">
                {i.productName} · {i.price}
              </span>
            </div>
            <button type="button" className="button primary small" data-testid="from-match-open" onClick={() => m.open(i.id)}>
              {i.openLabel}
            </button>
          </li>
        ))}
      </ul>
    </PanelFrame>
  );
}

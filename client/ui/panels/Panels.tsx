import { lazy, Suspense, useEffect } from 'react';
import { useApp, useServices } from '../../state/context.tsx';
import { CartPanel } from '../cart/CartPanel.tsx';
import { CheckoutPanel } from '../checkout/CheckoutPanel.tsx';
import { ConfirmationPanel } from '../checkout/ConfirmationPanel.tsx';
import { OrderPage } from '../orders/OrderPage.tsx';
import { OrdersPanel } from '../orders/OrdersPanel.tsx';
import { useOrderLink } from '../orders/useOrderLink.ts';
import { ProductCard } from '../productCard/ProductCard.tsx';
import { SquadPanel } from '../squad/SquadPanel.tsx';
import { EventsPanel } from '../events/EventsPanel.tsx';
import { QnaPanel } from '../qna/QnaPanel.tsx';
import { FromTheMatchPanel } from '../match/FromTheMatchPanel.tsx';

// NOTE: the directory (and MiniSearch) is not needed before the entry screen: its own chunk, fetched on first open.
const DirectoryPanel = lazy(() => import('../directory/DirectoryPanel.tsx').then((m) => ({ default: m.DirectoryPanel })));

/**
 * Shows the open panel (DOM skin). Esc ends inspecting first, then closes the panel. (DomControls
 * releases pointer lock whenever a panel opens.)
 */
export function Panels() {
  const { store } = useServices();
  const panel = useApp((s) => s.panel);
  useOrderLink();

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      const s = store.getState();
      if (s.inspecting) s.setInspecting(false);
      else if (s.panel !== 'none') s.closePanel();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);

  switch (panel) {
    case 'product':
      return <ProductCard />;
    case 'cart':
      return <CartPanel />;
    case 'checkout':
      return <CheckoutPanel />;
    case 'confirmation':
      return <ConfirmationPanel />;
    case 'orders':
      return <OrdersPanel />;
    case 'order':
      return <OrderPage />;
    case 'squad':
      return <SquadPanel />;
    case 'events':
      return <EventsPanel />;
    case 'qna':
      return <QnaPanel />;
    case 'directory':
      return (
        <Suspense fallback={null}>
          <DirectoryPanel />
        </Suspense>
      );
    case 'fromMatch':
      return <FromTheMatchPanel />;
    default:
      return null;
  }
}

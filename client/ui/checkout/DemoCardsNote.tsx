import { useTranslation } from 'react-i18next';
import { testCards } from './cardForm.ts';

/** The demo provider's note (DOM): nothing is charged, any future expiry and CVC, and what each test card does. */
export function DemoCardsNote() {
  const { t } = useTranslation();
  return (
    <div className="note" data-testid="demo-cards">
      <p>{t('checkout.demoCards')}</p>
      <ul className="test-cards">
        {testCards().map((c) => (
          <li key={c.number}>
            <code>{c.number}</code> {t(`checkout.testCard.${c.outcome}`)}
          </li>
        ))}
      </ul>
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import { Container, Text } from '@react-three/uikit';
import type { Category } from '../../../shared/catalog.ts';
import { XrPanelFrame } from '../panels/XrPanelFrame.tsx';
import { XR_THEME, XrButton } from '../shared/XrKit.tsx';
import { useDirectoryModel } from './useDirectoryModel.ts';

/** Rows that fit on the in-world list at a readable size; a category chip narrows it (a whole shelf is 4). */
const SHOWN = 8;

/**
 * The store directory's in-world skin: category chips over a list of products, each opening its card
 * or "Show me" (a teleport to its shelf in a headset). Search and the other filters are the DOM
 * skin's: typing on a headset keyboard is the slow way to shop.
 */
export function XrDirectoryPanel() {
  const { t } = useTranslation();
  const m = useDirectoryModel();
  return (
    <XrPanelFrame title={t('directory.title')} name="directory" onClose={m.close} width={560}>
      <Container flexDirection="row" flexWrap="wrap" gap={8}>
        {m.categories.map((c) => (
          <XrButton
            key={c.value}
            name={`directory-category-${c.value}`}
            label={c.label}
            variant={m.query.category === c.value ? 'selected' : 'chip'}
            fontSize={16}
            onClick={() => m.setCategory(c.value as Category | 'all')}
          />
        ))}
      </Container>
      <Text fontSize={15} color={XR_THEME.muted}>
        {m.resultText}
      </Text>
      {m.items.slice(0, SHOWN).map((item) => (
        <Container
          key={item.id}
          flexDirection="row"
          alignItems="center"
          justifyContent="space-between"
          gap={10}
          paddingY={4}
          borderBottomWidth={1}
          borderColor={XR_THEME.line}
        >
          <Container flexDirection="column" gap={2} flexShrink={1}>
            <XrButton name={`directory-open-${item.id}`} label={item.name} variant="ghost" fontSize={17} onClick={item.open} />
            <Text fontSize={15} color={XR_THEME.text}>
              {item.price}
            </Text>
          </Container>
          <XrButton
            name={`directory-show-me-${item.id}`}
            label={t('directory.showMe')}
            variant="primary"
            fontSize={16}
            onClick={item.showMe}
          />
        </Container>
      ))}
    </XrPanelFrame>
  );
}

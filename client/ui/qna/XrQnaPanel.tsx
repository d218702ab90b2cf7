import { useTranslation } from 'react-i18next';
import { Container, Text } from '@react-three/uikit';
import { XrPanelFrame } from '../panels/XrPanelFrame.tsx';
import { XR_THEME, XrButton, XrLabel } from '../shared/XrKit.tsx';
import type { PollView } from './qnaLogic.ts';
import { useQnaModel } from './useQnaModel.ts';

/** How many questions fit on the in-world list; the DOM skin scrolls instead. */
const SHOWN = 4;

/** The poll in-world: a vote button per option while the visitor may vote, then each option's live count. */
function XrPoll({ poll, onVote }: { poll: PollView; onVote: (pollId: string, option: number) => void }) {
  const { t } = useTranslation();
  return (
    <Container flexDirection="column" gap={6}>
      <XrLabel>{poll.open ? t('qna.pollOpen') : t('qna.pollClosed')}</XrLabel>
      <Text fontSize={20} fontWeight="bold" color={XR_THEME.text}>
        {poll.question}
      </Text>
      {poll.options.map((o) =>
        poll.canVote ? (
          <XrButton key={o.index} label={o.label} name={`qna-poll-${o.index}`} onClick={() => onVote(poll.id, o.index)} />
        ) : (
          <Text key={o.index} fontSize={17} color={o.chosen ? XR_THEME.accent : XR_THEME.text}>
            {`${o.label} · ${t('qna.votes', { count: o.count })} (${Math.round(o.share * 100)}%)`}
          </Text>
        ),
      )}
    </Container>
  );
}

/**
 * The Q&A panel in a headset: the question on the screens, the poll (vote with the ray, live counts)
 * and the best ranked questions with an upvote button each. NOTE: asking needs typing; a headset
 * visitor asks from the DOM panel (or the browser's keyboard) and votes here.
 */
export function XrQnaPanel() {
  const { t } = useTranslation();
  const m = useQnaModel();
  return (
    <XrPanelFrame title={m.title} name="qna-panel" onClose={m.close} width={540}>
      {!m.hasEvent && (
        <Text fontSize={17} color={XR_THEME.muted}>
          {t('qna.noEvent')}
        </Text>
      )}
      {m.onScreen && (
        <Container flexDirection="column" gap={2}>
          <XrLabel>{t('qna.onScreen')}</XrLabel>
          <Text fontSize={19} color={XR_THEME.text}>
            {`${m.onScreen.askerName}: ${m.onScreen.text}`}
          </Text>
        </Container>
      )}
      {m.poll && <XrPoll poll={m.poll} onVote={m.votePoll} />}
      {m.error && (
        <Text fontSize={16} color={XR_THEME.out}>
          {m.error}
        </Text>
      )}
      {m.hasEvent && m.questions.length === 0 && (
        <Text fontSize={17} color={XR_THEME.muted}>
          {t('qna.noQuestions')}
        </Text>
      )}
      {m.questions.slice(0, SHOWN).map((q) => (
        <Container
          key={q.id}
          flexDirection="row"
          alignItems="center"
          gap={8}
          paddingY={4}
          borderBottomWidth={1}
          borderColor={XR_THEME.line}
        >
          <Container flexDirection="column" flexGrow={1} flexShrink={1}>
            <Text fontSize={17} color={XR_THEME.text}>
              {q.text}
            </Text>
            <Text fontSize={14} color={q.mine ? XR_THEME.accent : XR_THEME.muted}>
              {q.mine ? `${q.askerName} · ${t('qna.yours')}` : q.askerName}
            </Text>
          </Container>
          <XrButton
            // NOTE: words, not an arrow glyph: the in-world font atlas has only the characters the catalogs use.
            label={`${q.voted ? t('qna.upvoted') : t('qna.upvote')} · ${q.votes}`}
            name={`qna-upvote-${q.id}`}
            variant={q.voted ? 'selected' : 'ghost'}
            disabled={!q.canUpvote}
            onClick={() => m.upvote(q.id)}
          />
        </Container>
      ))}
    </XrPanelFrame>
  );
}

import fs from 'node:fs';
import { Mint } from 'mint-filter';
import zhWords from 'naughty-words/zh.json' with { type: 'json' };
import {
  asteriskCensorStrategy,
  DataSet,
  englishDataset,
  englishRecommendedTransformers,
  parseRawPattern,
  RegExpMatcher,
  TextCensor,
} from 'obscenity';

/** Masks bad words in a chat message; the rest of the text goes out unchanged. */
export interface ChatFilter {
  clean(text: string): string;
}

/** The mask for a matched Chinese (or blocklist) word: a full-width asterisk per character. */
export const WIDE_MASK = '＊';

const HAN = /\p{Script=Han}/u;
// NOTE: obscenity's pattern syntax gives meaning to [ ] ? | \ and the like; only plain words become patterns.
const PLAIN_ENGLISH = /^[a-z]+$/i;
/** Letters the English preset lets repeat twice ("ass", "boo"); any other run is collapsed to one. */
const DOUBLED = new Set(['b', 'e', 'o', 'l', 's', 'g']);

/**
 * A word as obscenity's English preset sees text after its collapse-duplicates transformer (patterns
 * are not transformed, so "knockoff" must be written "knockof" to match).
 */
export function collapsedLikeEnglishPreset(word: string): string {
  return word.toLowerCase().replace(/(.)\1+/g, (_run, c: string) => c.repeat(DOUBLED.has(c) ? 2 : 1));
}

/**
 * Where a run of one letter that starts or continues at `end` ends. NOTE: obscenity reports the end
 * of a match inside collapsed text, so a match ending in a doubled letter ("knockoff") would leave
 * the rest of the run unmasked.
 */
function runEnd(text: string, end: number): number {
  const c = text[end]?.toLowerCase();
  let i = end;
  while (c !== undefined && text[i + 1]?.toLowerCase() === c) i++;
  return i;
}

/**
 * The venue's word filter, built once at start:
 * - English: obscenity's English data set with its recommended transformers (leetspeak, repeated
 *   letters, confusable characters), matches masked with `*`;
 * - Chinese: the LDNOOBW Chinese list (npm `naughty-words`, entries with Han characters) in an
 *   Aho–Corasick automaton (`mint-filter`), matches masked with `＊`;
 * - `extraWords` (the operator's CHAT_BLOCKLIST_FILE) join both: every word the automaton (any
 *   script, case-insensitive), plain Latin words obscenity's data set too.
 */
export function createChatFilter(extraWords: readonly string[] = []): ChatFilter {
  const english = new DataSet<{ originalWord?: string }>().addAll(englishDataset);
  for (const word of extraWords) {
    if (PLAIN_ENGLISH.test(word)) english.addPhrase((p) => p.addPattern(parseRawPattern(collapsedLikeEnglishPreset(word))));
  }
  const matcher = new RegExpMatcher({ ...english.build(), ...englishRecommendedTransformers });
  const censor = new TextCensor().setStrategy(asteriskCensorStrategy());
  const words = [...(zhWords as string[]).filter((w) => HAN.test(w)), ...extraWords];
  const automaton = new Mint(words, { customCharacter: WIDE_MASK });
  return {
    clean(text) {
      const matches = matcher.getAllMatches(text).map((m) => ({ ...m, endIndex: runEnd(text, m.endIndex) }));
      const masked = matches.length > 0 ? censor.applyTo(text, matches) : text;
      return automaton.filter(masked).text;
    },
  };
}

/**
 * Reads a blocklist file: one word or phrase per line; blank lines and lines starting with `#` are
 * skipped. A file that cannot be read stops the server with its path, rather than running unfiltered.
 */
export function readBlocklist(file: string): string[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new Error(`CHAT_BLOCKLIST_FILE ${file}: ${(e as Error).message}`);
  }
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

// Runtime: any (pure core). Tone that no single word carries, read clause by clause: a rhetorical
// question at the reader ("Did you even read our post?"), "X has once again shown…", mock praise,
// and the familiar register of Russian and Ukrainian ("ты", diminutives). Each pattern is groups of
// cues that must all stand in one sentence.
import type { Cue } from './cues';
import { findCueGroups } from './cues';
import { sentences } from './scope';
import type { Token } from './text';
import type { Span } from './types';

export type PatternKind = 'rhetorical-question' | 'once-again' | 'mock-praise' | 'reproach';

interface TonePattern {
  kind: PatternKind;
  groups: readonly (readonly Cue[])[];
  /** Only in a sentence that ends with a question mark. */
  question?: boolean;
}

const SECOND_PERSON: Readonly<Record<'en' | 'ru' | 'uk', readonly Cue[]>> = {
  en: ['=you', '=your', '=yourself', '=yourselves'],
  ru: ['=вы', '=вас', '=вам', '=вами', 'ваш', '=ты', '=тебя', '=тебе', 'твой', 'твоя', 'твои'],
  uk: ['=ви', '=вас', '=вам', '=вами', 'ваш', '=ти', '=тебе', '=тобі', 'твій', 'твоя', 'твої'],
};

const PATTERNS: Readonly<Record<'en' | 'ru' | 'uk', readonly TonePattern[]>> = {
  en: [
    {
      kind: 'rhetorical-question',
      question: true,
      groups: [
        SECOND_PERSON.en,
        ['even', 'really', 'ever', 'seriously', 'actually', 'at all'],
        ['read', 'think', 'try', 'tried', 'bother', 'understand', 'check', 'know', 'look', 'listen', 'notice', 'see', 'expect'],
      ],
    },
    {
      kind: 'rhetorical-question',
      question: true,
      groups: [['is it so hard', 'is it really so hard', 'is it that hard', 'is it too much to ask', 'how hard is it', 'how difficult is it', 'what part of']],
    },
    {
      kind: 'once-again',
      groups: [
        ['once again', 'yet again', 'as always', 'as usual', 'as expected'],
        ['shown', 'showed', 'proved', 'proven', 'demonstrated', 'confirmed', 'managed'],
      ],
    },
    { kind: 'mock-praise', groups: [['congratulat'], ['finally', 'discovering', 'after only', 'only took', 'at last']] },
    { kind: 'reproach', groups: [['if you had'], ['followed', 'listened', 'read', 'checked', 'paid attention']] },
    {
      kind: 'reproach',
      groups: [
        ['as we have', 'as we already'],
        ['explained', 'said', 'stated', 'written', 'wrote', 'repeated'],
      ],
    },
    {
      kind: 'mock-praise',
      groups: [
        [
          'congratulations on',
          'thank you for your valuable',
          'thanks for your valuable',
          'thank you for the valuable',
          'what a brilliant',
          'brilliant idea',
          'bold claim',
          'impressive logic',
          'great detective work',
          'nice try',
        ],
      ],
    },
  ],
  ru: [
    {
      kind: 'rhetorical-question',
      question: true,
      groups: [
        SECOND_PERSON.ru,
        ['вообще', 'хоть', 'неужели', 'разве', 'серьезно', 'всерьез', 'правда'],
        [
          'читал',
          'прочитал',
          'прочли',
          'думал',
          'подумал',
          'пробовал',
          'понимаете',
          'понял',
          'проверял',
          'проверили',
          'знаете',
          'смотрел',
          'слышал',
          'заметил',
          'рассчитыва',
          'ожидал',
        ],
      ],
    },
    {
      kind: 'rhetorical-question',
      question: true,
      groups: [['неужели так', 'разве так трудно', 'разве так сложно', 'так сложно', 'так трудно', 'что непонятного', 'что тут непонятного']],
    },
    {
      kind: 'once-again',
      groups: [
        ['в очередной раз', 'как всегда', 'как обычно', 'снова', 'опять'],
        ['показал', 'доказал', 'продемонстрировал', 'подтвердил', 'отличил', 'умудрил'],
      ],
    },
    { kind: 'mock-praise', groups: [['поздравля'], ['наконец', 'всего', 'лишь', 'спустя']] },
    { kind: 'reproach', groups: [['если бы вы'], ['последовал', 'послушал', 'прочитал', 'читали', 'проверил', 'обратил']] },
    { kind: 'reproach', groups: [['как мы уже'], ['объясня', 'говорил', 'писал', 'сообщал', 'повторя', 'указыва']] },
    {
      kind: 'mock-praise',
      groups: [
        [
          'спасибо за ценн',
          'благодарим за ценн',
          'спасибо за ваше ценн',
          'гениальн',
          'поздравляем с открытием',
          'браво',
          'смелое заявление',
          'железная логика',
        ],
      ],
    },
  ],
  uk: [
    {
      kind: 'rhetorical-question',
      question: true,
      groups: [
        SECOND_PERSON.uk,
        ['взагалі', 'хоч', 'невже', 'хіба', 'серйозно', 'справді'],
        [
          'читал',
          'прочитал',
          'думал',
          'подумал',
          'пробувал',
          'розумієте',
          'зрозуміл',
          'перевіря',
          'перевіри',
          'знаєте',
          'дивил',
          'чул',
          'помітил',
          'розраховува',
          'очікува',
        ],
      ],
    },
    {
      kind: 'rhetorical-question',
      question: true,
      groups: [['невже так', 'хіба так важко', 'хіба так складно', 'так складно', 'так важко', 'що незрозумілого', 'що тут незрозумілого']],
    },
    {
      kind: 'once-again',
      groups: [
        ['вкотре', 'як завжди', 'як зазвичай', 'знову', 'черговий раз'],
        ['показал', 'показав', 'довів', 'довел', 'продемонстрував', 'продемонструвал', 'підтвердив', 'відзначил', 'примудрил'],
      ],
    },
    {
      kind: 'mock-praise',
      groups: [
        ['вітаємо', 'вітаю'],
        ['нарешті', 'лише', 'всього', 'через'],
      ],
    },
    { kind: 'reproach', groups: [['якби ви'], ['дослухал', 'послухал', 'прочитал', 'читали', 'перевірил', 'звернул']] },
    { kind: 'reproach', groups: [['як ми вже'], ['поясню', 'казал', 'писал', 'повідомля', 'повторю', 'зазнача']] },
    {
      kind: 'mock-praise',
      groups: [['дякуємо за цінн', 'дякую за цінн', 'дякуємо за вашу цінн', 'геніальн', 'вітаємо з відкриттям', 'браво', 'смілива заява', 'залізна логіка']],
    },
  ],
};

export interface PatternMatch extends Span {
  kind: PatternKind;
}

/** Sentences that carry sarcasm by their shape, one match per sentence. */
export function findTonePatterns(text: string, tokens: readonly Token[], language: string, skip: readonly Span[]): PatternMatch[] {
  const lang = language === 'ru' || language === 'uk' ? language : language === 'en' ? 'en' : null;
  if (!lang || !tokens.length) return [];
  const matches: PatternMatch[] = [];
  for (const sentence of sentences(text, tokens)) {
    const after = text.slice(sentence.end, sentence.end + 3);
    const isQuestion = /^\s*[?？]/u.test(after) || /[?？]/u.test(text.slice(tokens[sentence.last]!.end, tokens[sentence.last]!.end + 2));
    for (const pattern of PATTERNS[lang]) {
      if (pattern.question && !isQuestion) continue;
      const found = findCueGroups(tokens, sentence.first, sentence.last, pattern.groups);
      if (!found) continue;
      const { span } = found;
      if (skip.some((other) => span.start < other.end && other.start < span.end)) continue;
      matches.push({ ...span, kind: pattern.kind });
      break;
    }
  }
  return matches;
}

/** Russian and Ukrainian words that address an official account's reader as a friend, and the polite form. */
export const FAMILIAR: Readonly<Record<string, ReadonlyMap<string, string>>> = {
  ru: new Map([
    ['ты', 'вы'],
    ['тебя', 'вас'],
    ['тебе', 'вам'],
    ['тобой', 'вами'],
    ['твой', 'ваш'],
    ['твоя', 'ваша'],
    ['твое', 'ваше'],
    ['твои', 'ваши'],
    ['твоего', 'вашего'],
    ['твоей', 'вашей'],
    ['твоим', 'вашим'],
    ['твоих', 'ваших'],
    ['твою', 'вашу'],
  ]),
  uk: new Map([
    ['ти', 'ви'],
    ['тебе', 'вас'],
    ['тобі', 'вам'],
    ['тобою', 'вами'],
    ['твій', 'ваш'],
    ['твоя', 'ваша'],
    ['твоє', 'ваше'],
    ['твої', 'ваші'],
    ['твого', 'вашого'],
    ['твоєї', 'вашої'],
    ['твоїм', 'вашим'],
    ['твоїх', 'ваших'],
    ['твою', 'вашу'],
  ]),
};

/** Diminutives that make an official text sound like a chat ("документики", "грошики"). */
export const DIMINUTIVES: Readonly<Record<string, ReadonlySet<string>>> = {
  ru: new Set([
    'документики',
    'документиков',
    'паспортик',
    'паспортика',
    'денежки',
    'денежек',
    'ребятки',
    'билетик',
    'билетики',
    'билетиков',
    'вещички',
    'минуточку',
    'секундочку',
    'водичка',
    'водички',
    'справочка',
    'справочку',
    'анкетку',
    'фоточку',
    'друзяшки',
    'котики',
  ]),
  uk: new Set([
    'документики',
    'документиків',
    'паспортик',
    'паспортика',
    'грошики',
    'грошиків',
    'квиточок',
    'квиточки',
    'речички',
    'хвилиночку',
    'секундочку',
    'водичка',
    'довідочка',
    'довідочку',
    'анкетку',
    'фоточку',
    'друзяки',
    'котики',
  ]),
};

// Runtime: any (pure core). Counts and days written in words — "seven", "twenty thousand",
// "семеро", "пятнадцатого", "двадцять тисяч", "першого" — read as numbers, so that a fact stated in
// words is checked against the fact sheet like one written in digits. English, Russian and
// Ukrainian, with the case forms of Russian and Ukrainian numerals.
import type { Span } from './types';

export interface NumberWords extends Span {
  value: number;
  /** Ends in an ordinal ("fifteenth", "пятнадцатого", "першого"): a day of a month, not a count. */
  ordinal: boolean;
}

type Kind = 'unit' | 'teen' | 'ten' | 'hundred' | 'hundreds' | 'scale' | 'ordinal' | 'collective';

interface Entry {
  pattern: RegExp;
  value: number;
  kind: Kind;
}

const entry = (kind: Kind, value: number, alternatives: string) => ({ kind, value, pattern: new RegExp(`^(?:${alternatives})$`) });

// Russian and Ukrainian endings of cardinal and ordinal numerals.
const RU_CARD = '(?:ь|и|ью)';
const RU_ORD = '(?:ый|ой|ое|ого|ому|ым|ом|ая|ую|ые|ых)';
const UK_CARD = '(?:ь|и|ьох|ьма|ьом)';
const UK_ORD = '(?:ий|ого|ому|им|ім|а|ої|ій|у|е|і|их)';

const ENTRIES: readonly Entry[] = [
  // English
  ...['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'].map((word, i) => entry('unit', i + 2, word)),
  entry('unit', 1, 'one'),
  ...['ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'].map((word, i) =>
    entry('teen', i + 10, word),
  ),
  ...['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'].map((word, i) => entry('ten', (i + 2) * 10, word)),
  entry('hundred', 100, 'hundreds?'),
  entry('scale', 1_000, 'thousands?'),
  entry('scale', 1_000_000, 'millions?'),
  ...[
    'first',
    'second',
    'third',
    'fourth',
    'fifth',
    'sixth',
    'seventh',
    'eighth',
    'ninth',
    'tenth',
    'eleventh',
    'twelfth',
    'thirteenth',
    'fourteenth',
    'fifteenth',
    'sixteenth',
    'seventeenth',
    'eighteenth',
    'nineteenth',
  ].map((word, i) => entry('ordinal', i + 1, word)),
  entry('ordinal', 20, 'twentieth'),
  entry('ordinal', 30, 'thirtieth'),
  entry('collective', 2, 'dozen'),

  // Russian
  entry('unit', 1, 'один|одна|одно|одного|одной|одному|одним|одну'),
  entry('unit', 2, 'два|две|двух|двум|двумя'),
  entry('unit', 3, 'три|трех|трем|тремя'),
  entry('unit', 4, 'четыре|четырех|четырем|четырьмя'),
  entry('unit', 5, `пят${RU_CARD}`),
  entry('unit', 6, `шест${RU_CARD}`),
  entry('unit', 7, `сем${RU_CARD}`),
  entry('unit', 8, 'восемь|восьми|восьмью|восемью'),
  entry('unit', 9, `девят${RU_CARD}`),
  entry('teen', 10, `десят${RU_CARD}`),
  ...['одиннадцат', 'двенадцат', 'тринадцат', 'четырнадцат', 'пятнадцат', 'шестнадцат', 'семнадцат', 'восемнадцат', 'девятнадцат'].map((stem, i) =>
    entry('teen', i + 11, `${stem}${RU_CARD}`),
  ),
  entry('ten', 20, `двадцат${RU_CARD}`),
  entry('ten', 30, `тридцат${RU_CARD}`),
  entry('ten', 40, 'сорок|сорока'),
  entry('ten', 50, 'пятьдесят|пятидесяти|пятьюдесятью'),
  entry('ten', 60, 'шестьдесят|шестидесяти'),
  entry('ten', 70, 'семьдесят|семидесяти'),
  entry('ten', 80, 'восемьдесят|восьмидесяти'),
  entry('ten', 90, 'девяносто|девяноста'),
  entry('hundreds', 100, 'сто|ста'),
  entry('hundreds', 200, 'двести|двухсот|двумстам'),
  entry('hundreds', 300, 'триста|трехсот'),
  entry('hundreds', 400, 'четыреста|четырехсот'),
  entry('hundreds', 500, 'пятьсот|пятисот'),
  entry('hundreds', 600, 'шестьсот|шестисот'),
  entry('hundreds', 700, 'семьсот|семисот'),
  entry('hundreds', 800, 'восемьсот|восьмисот'),
  entry('hundreds', 900, 'девятьсот|девятисот'),
  entry('scale', 1_000, 'тысяча|тысячи|тысяч|тысячу|тысячей|тысячам|тысячами|тысячах'),
  entry('scale', 1_000_000, 'миллион|миллиона|миллионов|миллионы'),
  entry('collective', 2, 'двое|двоих|двоим'),
  entry('collective', 3, 'трое|троих|троим'),
  entry('collective', 4, 'четверо|четверых'),
  entry('collective', 5, 'пятеро|пятерых'),
  entry('collective', 6, 'шестеро|шестерых'),
  entry('collective', 7, 'семеро|семерых'),
  entry('collective', 8, 'восьмеро|восьмерых'),
  entry('collective', 9, 'девятеро|девятерых'),
  entry('collective', 10, 'десятеро|десятерых'),
  ...[
    'перв',
    'втор',
    'трет',
    'четверт',
    'пят',
    'шест',
    'седьм',
    'восьм',
    'девят',
    'десят',
    'одиннадцат',
    'двенадцат',
    'тринадцат',
    'четырнадцат',
    'пятнадцат',
    'шестнадцат',
    'семнадцат',
    'восемнадцат',
    'девятнадцат',
    'двадцат',
  ].map((stem, i) => entry('ordinal', i + 1, stem === 'трет' ? 'трет(?:ий|ье|ьего|ьему|ьим|ьем|ья|ью|ьи|ьих)' : `${stem}${RU_ORD}`)),
  entry('ordinal', 30, `тридцат${RU_ORD}`),

  // Ukrainian (apostrophes are folded to ')
  entry('unit', 1, 'одне|одній|одну|одним'),
  entry('unit', 2, 'дві|двох|двом|двома'),
  entry('unit', 3, 'трьох|трьом|трьома'),
  entry('unit', 4, 'чотири|чотирьох|чотирьом|чотирма'),
  entry('unit', 5, "п'ять|п'яти|п'ятьох|п'ятьма"),
  entry('unit', 6, 'шість|шести|шістьох|шістьма'),
  entry('unit', 7, 'сім|семи|сімох|сімома'),
  entry('unit', 8, 'вісім|восьми|вісьмох|вісьмома'),
  entry('unit', 9, "дев'ять|дев'яти|дев'ятьох|дев'ятьма"),
  entry('teen', 10, `десят${UK_CARD}`),
  ...['одинадцят', 'дванадцят', 'тринадцят', 'чотирнадцят', "п'ятнадцят", 'шістнадцят', 'сімнадцят', 'вісімнадцят', "дев'ятнадцят"].map((stem, i) =>
    entry('teen', i + 11, `${stem}${UK_CARD}`),
  ),
  entry('ten', 20, `двадцят${UK_CARD}`),
  entry('ten', 30, `тридцят${UK_CARD}`),
  entry('ten', 50, "п'ятдесят|п'ятдесяти|п'ятдесятьох"),
  entry('ten', 60, 'шістдесят|шістдесяти|шістдесятьох'),
  entry('ten', 70, 'сімдесят|сімдесяти|сімдесятьох'),
  entry('ten', 80, 'вісімдесят|вісімдесяти|вісімдесятьох'),
  entry('ten', 90, "дев'яносто|дев'яноста"),
  entry('hundreds', 200, 'двісті|двохсот'),
  entry('hundreds', 300, 'трьохсот'),
  entry('hundreds', 400, 'чотириста|чотирьохсот'),
  entry('hundreds', 500, "п'ятсот|п'ятисот"),
  entry('hundreds', 600, 'шістсот|шестисот'),
  entry('hundreds', 700, 'сімсот|семисот'),
  entry('hundreds', 800, 'вісімсот|восьмисот'),
  entry('hundreds', 900, "дев'ятсот|дев'ятисот"),
  entry('scale', 1_000, 'тисяча|тисячі|тисяч|тисячу|тисячею|тисячам|тисячами|тисячах'),
  entry('scale', 1_000_000, 'мільйон|мільйона|мільйонів|мільйони'),
  entry('collective', 2, 'двоє'),
  entry('collective', 3, 'троє'),
  entry('collective', 5, "п'ятеро|п'ятьох"),
  entry('collective', 7, 'семеро'),
  entry('collective', 9, "дев'ятеро"),
  ...[
    'перш',
    'друг',
    'трет',
    'четверт',
    "п'ят",
    'шост',
    'сьом',
    'восьм',
    "дев'ят",
    'десят',
    'одинадцят',
    'дванадцят',
    'тринадцят',
    'чотирнадцят',
    "п'ятнадцят",
    'шістнадцят',
    'сімнадцят',
    'вісімнадцят',
    "дев'ятнадцят",
    'двадцят',
  ].map((stem, i) => entry('ordinal', i + 1, `${stem}${UK_ORD}`)),
  entry('ordinal', 30, `тридцят${UK_ORD}`),
];

const cache = new Map<string, Entry | null>();

function lookup(word: string): Entry | null {
  let found = cache.get(word);
  if (found === undefined) {
    found = ENTRIES.find((candidate) => candidate.pattern.test(word)) ?? null;
    if (cache.size > 20_000) cache.clear();
    cache.set(word, found);
  }
  return found;
}

/** Words that join numerals without adding to them: "two hundred and fifty", "сто и два". */
const JOINERS = new Set(['and']);

/** Single words too common in other senses to be read as counts on their own. */
const NOT_ALONE = new Set([
  'one',
  'один',
  'одна',
  'одно',
  'одного',
  'одной',
  'одному',
  'одним',
  'одну',
  'одне',
  'одній',
  'second',
  'dozen',
  'сорока',
  'ста',
  'друга',
  'другий',
  'другого',
  'другому',
  'другим',
  'другій',
  'другу',
  'друге',
  'другі',
  'других',
]);

const WORD = /[\p{L}]+(?:['’ʼ][\p{L}]+)*/gu;

const foldWord = (word: string) => word.toLowerCase().replace(/ё/g, 'е').replace(/[’ʼ]/g, "'");

/**
 * Runs of number words in `text`, each read as one number: "twenty-one" 21, "двадцать пятого" the
 * 25th, "двадцять тисяч" 20,000, "семеро" 7. Lone words that usually mean something else ("one",
 * "second", "сорока" a magpie) are left alone.
 */
export function findNumberWords(text: string): NumberWords[] {
  const found: NumberWords[] = [];
  const words = [...text.matchAll(WORD)].map((match) => ({ start: match.index, end: match.index + match[0].length, folded: foldWord(match[0]) }));
  let i = 0;
  while (i < words.length) {
    const first = lookup(words[i]!.folded);
    if (!first) {
      i += 1;
      continue;
    }
    let total = 0;
    let current = 0;
    let ordinal = false;
    let lastKind: Kind | null = null;
    let j = i;
    let end = words[i]!.end;
    let count = 0;
    while (j < words.length) {
      const word = words[j]!;
      if (j > i) {
        const gap = text.slice(words[j - 1]!.end, word.start);
        if (!/^[\s\u00a0-]*$/u.test(gap) || gap.includes('\n')) break;
      }
      if (JOINERS.has(word.folded) && lastKind === 'hundred' && j + 1 < words.length && lookup(words[j + 1]!.folded)) {
        j += 1;
        continue;
      }
      const item = lookup(word.folded);
      if (!item || ordinal || !fits(lastKind, item.kind, current)) break;
      switch (item.kind) {
        case 'hundred':
          current = (current || 1) * 100;
          break;
        case 'scale':
          total += (current || 1) * item.value;
          current = 0;
          break;
        case 'ordinal':
          current += item.value;
          ordinal = true;
          break;
        default:
          current += item.value;
      }
      lastKind = item.kind;
      end = word.end;
      count += 1;
      j += 1;
    }
    const value = total + current;
    if (count > 1 || !NOT_ALONE.has(words[i]!.folded)) found.push({ start: words[i]!.start, end, value, ordinal });
    i = Math.max(j, i + 1);
  }
  return found;
}

/** Whether a numeral of `next` kind may follow one of `previous` kind in one number. */
function fits(previous: Kind | null, next: Kind, current: number): boolean {
  if (previous === null) return true;
  switch (next) {
    case 'scale':
      return previous !== 'scale' && previous !== 'collective';
    case 'hundred':
      return previous === 'unit' || previous === 'teen';
    case 'hundreds':
      return previous === 'scale';
    case 'ten':
      return previous === 'scale' || previous === 'hundreds' || previous === 'hundred';
    case 'teen':
      return previous === 'scale' || previous === 'hundreds' || previous === 'hundred';
    case 'unit':
    case 'ordinal':
    case 'collective':
      return previous === 'ten' || previous === 'scale' || previous === 'hundreds' || previous === 'hundred' || (previous === 'unit' && current === 0);
  }
}

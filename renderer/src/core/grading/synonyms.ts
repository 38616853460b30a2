// Runtime: any (pure core). Words a press officer uses for one thing in consular and public
// diplomacy writing: "fake", "forgery", "bogus"; "publish", "issue", "post". A key message said in
// other words covers its message when its words and the draft's fall in the same group. Groups are
// kept small and literal: a word belongs where any officer would swap it without changing the sense.
import { stem } from './text';

const GROUPS: Readonly<Record<'en' | 'ru' | 'uk', readonly (readonly string[])[]>> = {
  en: [
    ['fake', 'forgery', 'forged', 'counterfeit', 'bogus', 'false', 'fabricated', 'hoax'],
    ['publish', 'published', 'issue', 'issued', 'post', 'posted', 'release', 'released', 'write', 'wrote', 'written'],
    ['call', 'phone', 'ring', 'contact', 'dial'],
    ['help', 'assist', 'assistance', 'support', 'aid'],
    ['hotline', 'helpline', 'phone line', 'emergency line'],
    ['safe', 'safety', 'secure', 'unharmed'],
    ['official', 'verified', 'genuine', 'authentic'],
    ['website', 'site', 'page', 'portal'],
    ['stay', 'remain', 'keep'],
    ['priority', 'main concern', 'first concern'],
    ['return', 'come home', 'get home', 'homecoming'],
    ['free', 'at no cost', 'free of charge'],
  ],
  ru: [
    ['фейк', 'подделка', 'поддельный', 'фальшивка', 'фальшивый', 'ложный', 'сфабрикованный', 'липа'],
    ['публиковать', 'опубликовать', 'выпускать', 'выпустить', 'размещать', 'разместить', 'писать', 'написать', 'распространять'],
    ['звонить', 'позвонить', 'обращаться', 'обратиться', 'связаться', 'набрать'],
    ['помощь', 'помогать', 'помочь', 'содействие', 'поддержка'],
    ['горячая линия', 'телефон доверия', 'экстренная линия'],
    ['безопасность', 'безопасный', 'невредимый'],
    ['официальный', 'проверенный', 'подлинный'],
    ['сайт', 'страница', 'портал'],
    ['оставаться', 'остаться', 'находиться'],
    ['приоритет', 'главное', 'главная задача'],
    ['возвращение', 'вернуться', 'возвращаться', 'домой'],
    ['бесплатно', 'бесплатный', 'без оплаты'],
  ],
  uk: [
    ['фейк', 'підробка', 'підроблений', 'фальшивка', 'фальшивий', 'неправдивий', 'сфабрикований'],
    ['публікувати', 'опублікувати', 'випускати', 'випустити', 'розміщувати', 'розмістити', 'писати', 'написати', 'поширювати'],
    ['телефонувати', 'зателефонувати', 'дзвонити', 'звертатися', 'звернутися', "зв'язатися"],
    ['допомога', 'допомагати', 'допомогти', 'сприяння', 'підтримка'],
    ['гаряча лінія', 'телефон довіри', 'екстрена лінія'],
    ['безпека', 'безпечний', 'неушкоджений'],
    ['офіційний', 'перевірений', 'справжній'],
    ['сайт', 'сторінка', 'портал'],
    ['залишатися', 'залишитися', 'перебувати'],
    ['пріоритет', 'головне', 'головне завдання'],
    ['повернення', 'повернутися', 'повертатися', 'додому'],
    ['безкоштовно', 'безкоштовний', 'без оплати'],
  ],
};

const canonical = new Map<string, Map<string, string>>();

/** The stem that stands for a word's synonym group in `language` (its own stem when it has no group). */
export function synonymKey(wordStem: string, language: string): string {
  let map = canonical.get(language);
  if (!map) {
    map = new Map();
    const groups = GROUPS[language as 'en' | 'ru' | 'uk'] ?? [];
    for (const group of groups) {
      // Multi-word members stand by their last word's stem ("горячая линия" → "лин").
      const keys = group.map((member) =>
        member
          .split(' ')
          .map((word) => stem(word.toLowerCase(), language))
          .at(-1)!,
      );
      for (const key of keys) if (!map.has(key)) map.set(key, keys[0]!);
    }
    canonical.set(language, map);
  }
  return map.get(wordStem) ?? wordStem;
}

// Runtime: node (Vitest). Reports to headquarters with the findings each must give and must not
// give (as a Vale style is tested), in English, Russian and Ukrainian, against one set of facts:
// the fixture scenario __fixtures__/report (an embassy's X account and a consulate's Telegram
// channel) as if its monitoring showed 46 replies, 31 of them on X, mostly critical, and Harbour
// News's post on the extra ferries shared most. report.test.ts grades each.
import type { MonitoringFacts } from './report';

export type FixtureLanguage = 'en' | 'ru' | 'uk';

const AUTHOR: Record<FixtureLanguage, string> = { en: 'Harbour News', ru: 'Портовые новости', uk: 'Портові новини' };
const SHARED_TEXT: Record<FixtureLanguage, string> = {
  en: 'Extra ferries sail from Lindvik harbour tonight for stranded travellers.',
  ru: 'Сегодня вечером из гавани Линдвика отходят дополнительные паромы для застрявших путешественников.',
  uk: 'Сьогодні ввечері з гавані Ліндвіка вирушають додаткові пороми для туристів, що застрягли.',
};

/** What the monitoring showed when the fixtures' reports were written. */
export function fixtureFacts(language: FixtureLanguage): MonitoringFacts {
  return {
    at: 60,
    replies: 46,
    byAccount: { 'embassy-x': 31, 'consulate-telegram': 15 },
    byMood: { supportive: 6, grateful: 4, confused: 9, critical: 22, hostile: 5 },
    busiest: ['embassy-x'],
    dominantMoods: ['critical'],
    mostShared: {
      source: 'inject',
      id: 'ferry-news',
      shares: 4100,
      personaId: 'harbour-news',
      accountId: 'embassy-x',
      author: { name: AUTHOR[language], handle: 'harbour_news' },
      text: SHARED_TEXT[language],
    },
  };
}

export interface ReportFixture {
  id: string;
  language: FixtureLanguage;
  text: string;
  /** Rule ids the draft must give a finding of. */
  fires: string[];
  /** Rule ids it must not (the report's own rules are all checked for a draft that should pass). */
  silent: string[];
  /** The grade as a whole passes. */
  passes?: boolean;
}

const REPORT_RULES = [
  'tone.report-register',
  'policy.report-fact-missing',
  'policy.report-fact-wrong',
  'platform.report-length',
  'platform.report-post-markup',
];
const GOOD: Record<FixtureLanguage, string> = {
  en: "To the Press Department. Monitoring as of 1:00. The missions' publications have drawn 46 replies: 31 on the Embassy's X account, the busiest, and 15 in the Consulate General's Telegram channel. Most replies are critical of the late announcement; some are confused questions about the piers. The most shared item is the Harbour News report on the extra ferries, shared 4,100 times.",
  ru: 'В Департамент информации. Мониторинг на 1:00. Публикации загранучреждений собрали 46 ответов: 31 в аккаунте посольства в X — это самый активный аккаунт — и 15 в Telegram-канале генконсульства. Большинство ответов — критика запоздалого объявления; часть — вопросы о причалах. Больше всего репостили сообщение «Портовых новостей» о дополнительных паромах: 4100 репостов.',
  uk: 'До Департаменту інформації. Моніторинг на 1:00. Публікації закордонних установ зібрали 46 відповідей: 31 в акаунті посольства в X — це найактивніший акаунт — і 15 у Telegram-каналі генконсульства. Більшість відповідей — критика запізнілого оголошення; частина — запитання про причали. Найбільше поширювали повідомлення «Портових новин» про додаткові пороми: 4100 поширень.',
};

/** Each case as a change of the good report, per language. */
const CASES: Array<{ id: string; fires: string[]; edit: Record<FixtureLanguage, (good: string) => string>; silent?: string[] }> = [
  {
    id: 'approximate-count',
    fires: [],
    silent: ['policy.report-fact-wrong', 'policy.report-fact-missing'],
    edit: {
      en: (t) => t.replace('have drawn 46 replies', 'have drawn about 45 replies'),
      ru: (t) => t.replace('собрали 46 ответов', 'собрали около 45 ответов'),
      uk: (t) => t.replace('зібрали 46 відповідей', 'зібрали близько 45 відповідей'),
    },
  },
  {
    id: 'count-too-far-off',
    fires: ['policy.report-fact-wrong'],
    edit: {
      en: (t) => t.replace('have drawn 46 replies', 'have drawn about 30 replies'),
      ru: (t) => t.replace('собрали 46 ответов', 'собрали около 30 ответов'),
      uk: (t) => t.replace('зібрали 46 відповідей', 'зібрали близько 30 відповідей'),
    },
  },
  {
    id: 'wrong-count',
    fires: ['policy.report-fact-wrong'],
    edit: {
      en: (t) => t.replace('have drawn 46 replies', 'have drawn 64 replies'),
      ru: (t) => t.replace('собрали 46 ответов', 'собрали 64 ответа'),
      uk: (t) => t.replace('зібрали 46 відповідей', 'зібрали 64 відповіді'),
    },
  },
  {
    id: 'count-missing',
    fires: ['policy.report-fact-missing'],
    silent: ['policy.report-fact-wrong'],
    edit: {
      en: (t) => t.replace('have drawn 46 replies: 31 on', 'have drawn replies, most on').replace(', and 15 in', ', others in'),
      ru: (t) => t.replace('собрали 46 ответов: 31 в', 'собрали ответы, больше всего в').replace('и 15 в', 'и остальные в'),
      uk: (t) => t.replace('зібрали 46 відповідей: 31 в', 'зібрали відповіді, найбільше в').replace('і 15 у', 'і решта у'),
    },
  },
  {
    id: 'wrong-mood',
    fires: ['policy.report-fact-wrong'],
    edit: {
      en: (t) =>
        t.replace(
          'Most replies are critical of the late announcement; some are confused questions about the piers.',
          'Most replies are supportive and thank the embassy.',
        ),
      ru: (t) =>
        t.replace('Большинство ответов — критика запоздалого объявления; часть — вопросы о причалах.', 'Большинство ответов выражают поддержку посольству.'),
      uk: (t) =>
        t.replace(
          'Більшість відповідей — критика запізнілого оголошення; частина — запитання про причали.',
          'Більшість відповідей висловлюють підтримку посольству.',
        ),
    },
  },
  {
    id: 'sub-count-is-not-the-total',
    fires: ['policy.report-fact-wrong'],
    edit: {
      en: (t) => t.replace('have drawn 46 replies: 31 on', 'have drawn 60 replies, 46 on'),
      ru: (t) => t.replace('собрали 46 ответов: 31 в', 'собрали 60 ответов, 46 в'),
      uk: (t) => t.replace('зібрали 46 відповідей: 31 в', 'зібрали 60 відповідей, 46 в'),
    },
  },
  {
    id: 'replies-word-first',
    fires: [],
    silent: ['policy.report-fact-wrong', 'policy.report-fact-missing'],
    edit: {
      en: (t) =>
        t.replace("The missions' publications have drawn 46 replies: 31 on", "Replies under the missions' publications as of 1:00: 46 in total, 31 on"),
      ru: (t) => t.replace('Публикации загранучреждений собрали 46 ответов: 31 в', 'Ответов под публикациями загранучреждений на 1:00 всего 46, 31 в'),
      uk: (t) =>
        t.replace('Публікації закордонних установ зібрали 46 відповідей: 31 в', 'Відповідей під публікаціями закордонних установ на 1:00 усього 46, 31 в'),
    },
  },
  {
    id: 'busiest-named-wrong',
    fires: ['policy.report-fact-wrong'],
    edit: {
      en: (t) =>
        t
          .replace("31 on the Embassy's X account, the busiest, and 15", "31 on the Embassy's X account and 15")
          .replace(' Most replies', ' The busiest account is the Telegram channel. Most replies'),
      ru: (t) =>
        t
          .replace('31 в аккаунте посольства в X — это самый активный аккаунт — и 15', '31 в аккаунте посольства в X и 15')
          .replace(' Большинство', ' Самый активный аккаунт — Telegram-канал. Большинство'),
      uk: (t) =>
        t
          .replace('31 в акаунті посольства в X — це найактивніший акаунт — і 15', '31 в акаунті посольства в X і 15')
          .replace(' Більшість', ' Найактивніший акаунт — Telegram-канал. Більшість'),
    },
  },
  {
    id: 'mood-missing',
    fires: ['policy.report-fact-missing'],
    edit: {
      en: (t) => t.replace(' Most replies are critical of the late announcement; some are confused questions about the piers.', ''),
      ru: (t) => t.replace(' Большинство ответов — критика запоздалого объявления; часть — вопросы о причалах.', ''),
      uk: (t) => t.replace(' Більшість відповідей — критика запізнілого оголошення; частина — запитання про причали.', ''),
    },
  },
  {
    id: 'wrong-account',
    fires: ['policy.report-fact-wrong'],
    edit: {
      en: (t) =>
        t.replace(
          "31 on the Embassy's X account, the busiest, and 15 in the Consulate General's Telegram channel",
          "most of them in the Consulate General's Telegram channel, the busiest",
        ),
      ru: (t) =>
        t.replace(
          '31 в аккаунте посольства в X — это самый активный аккаунт — и 15 в Telegram-канале генконсульства',
          'больше всего в Telegram-канале генконсульства, самом активном',
        ),
      uk: (t) =>
        t.replace(
          '31 в акаунті посольства в X — це найактивніший акаунт — і 15 у Telegram-каналі генконсульства',
          'найбільше в Telegram-каналі генконсульства, найактивнішому',
        ),
    },
  },
  {
    id: 'wrong-most-shared',
    fires: ['policy.report-fact-wrong'],
    edit: {
      en: (t) =>
        t.replace(
          'The most shared item is the Harbour News report on the extra ferries, shared 4,100 times.',
          "The most shared item is Rumour Mill's claim that the embassy is leaving first.",
        ),
      ru: (t) =>
        t.replace(
          'Больше всего репостили сообщение «Портовых новостей» о дополнительных паромах: 4100 репостов.',
          'Больше всего репостили пост «Мельницы слухов» о том, что посольство уезжает.',
        ),
      uk: (t) =>
        t.replace(
          'Найбільше поширювали повідомлення «Портових новин» про додаткові пороми: 4100 поширень.',
          'Найбільше поширювали допис «Млина чуток» про те, що посольство їде.',
        ),
    },
  },
  {
    id: 'most-shared-by-subject',
    fires: [],
    silent: ['policy.report-fact-wrong', 'policy.report-fact-missing'],
    edit: {
      en: (t) => t.replace('the Harbour News report on the extra ferries', 'the news that extra ferries sail from Lindvik harbour for stranded travellers'),
      ru: (t) =>
        t.replace(
          'сообщение «Портовых новостей» о дополнительных паромах',
          'новость о дополнительных паромах из гавани Линдвика для застрявших путешественников',
        ),
      uk: (t) => t.replace('повідомлення «Портових новин» про додаткові пороми', 'новину про додаткові пороми з гавані Ліндвіка для туристів, що застрягли'),
    },
  },
  {
    id: 'speaks-to-the-public',
    fires: ['tone.report-register'],
    edit: {
      en: (t) => `Dear followers! ${t} Stay safe!`,
      ru: (t) => `Дорогие подписчики! ${t} Берегите себя!`,
      uk: (t) => `Дорогі підписники! ${t} Бережіть себе!`,
    },
  },
  {
    id: 'editorialises',
    fires: ['tone.report-register'],
    edit: {
      en: (t) => `${t} The mood is extremely tense. I strongly recommend a firmer line.`,
      ru: (t) => `${t} Настроения крайне напряжённые. Настоятельно рекомендую занять более жёсткую позицию.`,
      uk: (t) => `${t} Настрої вкрай напружені. Наполегливо рекомендую зайняти жорсткішу позицію.`,
    },
  },
  {
    id: 'post-markup',
    fires: ['platform.report-post-markup'],
    edit: {
      en: (t) => `${t} #LindvikFerry @harbour_news`,
      ru: (t) => `${t} #ПаромЛиндвик @harbour_news`,
      uk: (t) => `${t} #ПоромЛіндвік @harbour_news`,
    },
  },
  {
    id: 'one-line',
    fires: ['platform.report-length'],
    edit: {
      en: () => '46 replies, mostly critical.',
      ru: () => '46 ответов, в основном критика.',
      uk: () => '46 відповідей, здебільшого критика.',
    },
  },
];

export const REPORT_FIXTURES: ReportFixture[] = (['en', 'ru', 'uk'] as const).flatMap((language) => [
  { id: 'good', language, text: GOOD[language], fires: [], silent: REPORT_RULES, passes: true },
  ...CASES.map((fixture) => {
    const text = fixture.edit[language](GOOD[language]);
    if (text === GOOD[language]) throw new Error(`fixture ${fixture.id} (${language}) does not change the good report`);
    return { id: fixture.id, language, text, fires: fixture.fires, silent: fixture.silent ?? [] };
  }),
]);

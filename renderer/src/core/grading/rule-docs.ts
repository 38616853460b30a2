// Runtime: any (pure core). The rubric reference: for every rule of the catalogue (catalog.ts) a
// one-line explanation and an example draft that makes it fire, in English and Russian, and how a
// pack tunes it. Shown in the studio and written into the README (`npm run rubric:doc`). Each
// example is graded by the real grader in the small pack __fixtures__/rule-examples/ (rule-docs.test.ts):
// an example that no longer makes its rule fire, or a rule without docs, fails the tests.
import type { RuleSpec } from './catalog';
import { RULES } from './catalog';

export const DOC_LANGUAGES = ['en', 'ru'] as const;
export type DocLanguage = (typeof DOC_LANGUAGES)[number];
type Texts = Readonly<Record<DocLanguage, string>>;

/** Where an example is graded: a task of the fixture pack, described for the reader. */
export interface ExampleSetting {
  scenario: string;
  task: string;
  description: Texts;
}

export const EXAMPLE_SETTINGS = {
  'x-post': {
    scenario: 'hotline',
    task: 'post',
    description: {
      en: 'A crisis (flights suspended), an empathetic tone. An X post that must give the key message "stay calm and call the hotline", the hotline +99 123 456 789 and #AzuriaHelp. Red line: promising that flights resume. Deprecated term: "expats".',
      ru: 'Кризис (рейсы приостановлены), тон — сочувственный. Пост в X должен содержать ключевое сообщение «сохраняйте спокойствие и звоните на горячую линию», номер +99 123 456 789 и #AzuriaHelp. Красная линия — обещать возобновление рейсов. Устаревший термин — «экспаты».',
    },
  },
  'x-message': {
    scenario: 'hotline',
    task: 'message',
    description: {
      en: 'The same crisis: a direct message on X to a worried citizen, with the key message and the hotline.',
      ru: 'Тот же кризис: личное сообщение в X встревоженному гражданину, с ключевым сообщением и номером горячей линии.',
    },
  },
  'x-thread': {
    scenario: 'hotline',
    task: 'thread',
    description: {
      en: 'The same crisis: a thread on X (parts separated by a blank line), with the key message and the hotline.',
      ru: 'Тот же кризис: тред в X (части разделены пустой строкой), с ключевым сообщением и номером горячей линии.',
    },
  },
  'facebook-post': {
    scenario: 'hotline',
    task: 'facebook-post',
    description: {
      en: 'The same crisis: a Facebook post (the feed folds a post after 477 characters), with the key message and the hotline.',
      ru: 'Тот же кризис: пост в Facebook (лента сворачивает пост после 477 знаков), с ключевым сообщением и номером горячей линии.',
    },
  },
  'outreach-post': {
    scenario: 'exhibition',
    task: 'post',
    description: {
      en: 'Outreach with a neutral tone: an X post announcing an exhibition that opens on 12 May 2026, entry free.',
      ru: 'Продвижение, нейтральный тон: пост в X об открытии выставки 12 мая 2026 года, вход свободный.',
    },
  },
  'warm-post': {
    scenario: 'open-day',
    task: 'post',
    description: {
      en: 'Outreach with a warm tone: a Facebook post inviting everyone to the open day on 20 June 2026, entry free.',
      ru: 'Продвижение, тон — тёплый: пост в Facebook с приглашением на день открытых дверей 20 июня 2026 года, вход свободный.',
    },
  },
  'warm-reply': {
    scenario: 'open-day',
    task: 'reply',
    description: {
      en: 'The same open day: a reply to Ana Reporter, who asked whether entry is free.',
      ru: 'Тот же день открытых дверей: ответ Ане Репортёр, которая спросила, свободный ли вход.',
    },
  },
  'youtube-video': {
    scenario: 'open-day',
    task: 'video',
    description: {
      en: 'The same open day: the title (first line) and description of a YouTube video inviting people to it.',
      ru: 'Тот же день открытых дверей: название (первая строка) и описание видео на YouTube с приглашением.',
    },
  },
} as const satisfies Record<string, ExampleSetting>;

export type ExampleSettingId = keyof typeof EXAMPLE_SETTINGS;

export interface DraftRuleDoc {
  /** What the rule looks for, in one line. */
  explanation: Texts;
  /** Where the example is graded. */
  setting: ExampleSettingId;
  /** A draft that makes the rule fire in that setting (played in that language). */
  example: Texts;
}

/**
 * A rule graded on what the trainee does rather than on a draft (moderating a live stream): what
 * makes it fire is told, and the grader's own fixtures (moderation.test.ts) make each one fire.
 */
export interface ActionRuleDoc {
  explanation: Texts;
  /** What the trainee does that makes the rule fire. */
  actions: Texts;
}

export type RuleDoc = DraftRuleDoc | ActionRuleDoc;

/** Whether a rule is documented with a draft that makes it fire (else with the actions that do). */
export const hasDraftExample = (doc: RuleDoc): doc is DraftRuleDoc => 'example' in doc;

const HOTLINE_EN = 'Stay calm: our hotline +99 123 456 789 is open around the clock.';
const HOTLINE_RU = 'Сохраняйте спокойствие: горячая линия +99 123 456 789 работает круглосуточно.';

export const RULE_DOCS: Readonly<Record<string, RuleDoc>> = {
  'tone.insult': {
    explanation: {
      en: 'Insults and name-calling aimed at anyone: an official account never calls people names.',
      ru: 'Оскорбления и обзывательства в чей-либо адрес: официальный аккаунт никогда не оскорбляет людей.',
    },
    setting: 'x-post',
    example: {
      en: `Stop whining, idiots. ${HOTLINE_EN} #AzuriaHelp`,
      ru: `Хватит ныть, идиоты. ${HOTLINE_RU} #AzuriaHelp`,
    },
  },
  'tone.sarcasm': {
    explanation: {
      en: 'Sarcasm and irony ("what a surprise", mocking praise): readers take it as contempt.',
      ru: 'Сарказм и ирония («какая неожиданность», насмешливая похвала): читатели видят в этом презрение.',
    },
    setting: 'x-post',
    example: {
      en: `Oh, what a surprise: flights are suspended again. ${HOTLINE_EN} #AzuriaHelp`,
      ru: `Какая неожиданность: рейсы снова приостановлены. ${HOTLINE_RU} #AzuriaHelp`,
    },
  },
  'tone.blame': {
    explanation: {
      en: 'Blaming someone for the trouble ("chose to ignore", "entirely the fault of", "came too late").',
      ru: 'Поиск виноватых («сами виноваты», «проигнорировали», «слишком поздно»).',
    },
    setting: 'x-post',
    example: {
      en: `Those who chose to ignore our travel advice are now stuck, and it is entirely their fault. ${HOTLINE_EN} #AzuriaHelp`,
      ru: `Кто проигнорировал наши рекомендации, тот сам виноват. ${HOTLINE_RU} #AzuriaHelp`,
    },
  },
  'tone.shouting': {
    explanation: {
      en: 'Shouting: words or whole sentences in capitals, a negation or an alarm call raised in capitals ("do NOT", «УВАГА!»), piles of exclamation marks.',
      ru: 'Крик: слова или целые фразы заглавными буквами, отрицание или призыв к тревоге заглавными («НЕ», «ВНИМАНИЕ!»), груды восклицательных знаков.',
    },
    setting: 'x-post',
    example: {
      en: 'STAY CALM AND CALL OUR HOTLINE +99 123 456 789 RIGHT NOW!!! #AzuriaHelp',
      ru: 'СОХРАНЯЙТЕ СПОКОЙСТВИЕ И ЗВОНИТЕ НА ГОРЯЧУЮ ЛИНИЮ +99 123 456 789 НЕМЕДЛЕННО!!! #AzuriaHelp',
    },
  },
  'tone.register': {
    explanation: {
      en: 'A register wrong for the account: slang, casual address, too many emoji for the tone — or officialese ("please be advised", "доводим до сведения") where the tone is warm or empathetic, or in an answer to a person unless the tone is formal.',
      ru: 'Стиль не по адресу: сленг, панибратское обращение, избыток эмодзи — или канцелярит («доводим до сведения», «в установленном порядке»), когда тон тёплый или сочувственный, или в ответе человеку, если тон не официальный.',
    },
    setting: 'x-post',
    example: {
      en: 'Hey guys, no worries, chill out! Our hotline +99 123 456 789 is open around the clock, so stay calm. #AzuriaHelp',
      ru: 'Ребята, не парьтесь! Горячая линия +99 123 456 789 пашет круглосуточно, так что сохраняйте спокойствие. #AzuriaHelp',
    },
  },
  'tone.evaluative': {
    explanation: {
      en: 'Judgement words of diplomatic prose ("constructive", "fruitful", "unacceptable") where the tone target is neutral.',
      ru: 'Оценочные слова дипломатического языка («конструктивный», «плодотворный», «неприемлемый»), когда целевой тон — нейтральный.',
    },
    setting: 'outreach-post',
    example: {
      en: 'The exhibition of Valdorian photography, a fruitful and constructive cultural dialogue, opens on 12 May 2026. Entry is free.',
      ru: 'Выставка вальдорской фотографии, плодотворный и конструктивный культурный диалог, открывается 12 мая 2026 года. Вход свободный.',
    },
  },
  'tone.panic': {
    explanation: {
      en: 'Alarmist words in a crisis ("chaos", "catastrophe", "run"): an embassy calms, it does not alarm.',
      ru: 'Паникёрские слова в кризисе («хаос», «катастрофа», «бегите»): посольство успокаивает, а не пугает.',
    },
    setting: 'x-post',
    example: {
      en: `Total chaos at the airport, a real catastrophe! ${HOTLINE_EN} #AzuriaHelp`,
      ru: `В аэропорту полный хаос, настоящая катастрофа! ${HOTLINE_RU} #AzuriaHelp`,
    },
  },
  'tone.condescension': {
    explanation: {
      en: 'Talking down to readers ("as we have explained many times", "it is not that hard"), or brushing them off and arguing with them ("nobody is forcing you", "with all due respect", "you are mistaken").',
      ru: 'Снисходительный тон («как мы уже много раз объясняли», «это не так сложно»), или от читателя отмахиваются и спорят с ним («никто вас не заставляет», «при всём уважении», «вы ошибаетесь»).',
    },
    setting: 'x-post',
    example: {
      en: `As we have already explained many times, it is really not that hard. ${HOTLINE_EN} #AzuriaHelp`,
      ru: `Как мы уже много раз объясняли, это совсем не сложно. ${HOTLINE_RU} #AzuriaHelp`,
    },
  },
  'tone.empathy-missing': {
    explanation: {
      en: 'No sign of empathy in a post, reply or message of eight words or more when the tone target is empathetic.',
      ru: 'Ни одного знака сочувствия в посте, ответе или сообщении от восьми слов, когда целевой тон — сочувственный.',
    },
    setting: 'x-post',
    example: {
      en: 'Flights from Azuria are suspended. Information on flights: hotline +99 123 456 789. #AzuriaHelp',
      ru: 'Рейсы из Азурии приостановлены до особого распоряжения. Справочный телефон посольства: +99 123 456 789. #AzuriaHelp',
    },
  },
  'tone.warmth-missing': {
    explanation: {
      en: 'Where the tone target is warm, a post, reply or message of eight words or more that greets, thanks, welcomes or invites nobody (no exclamation either): a notice, not a hello.',
      ru: 'При тёплом целевом тоне — пост, ответ или сообщение от восьми слов, где никого не приветствуют, не благодарят и не приглашают (и нет ни одного восклицания): объявление, а не приветствие.',
    },
    setting: 'warm-post',
    example: {
      en: 'The embassy open day takes place on 20 June 2026. Entry is free. The programme is published on the website.',
      ru: 'День открытых дверей посольства проводится 20 июня 2026 года. Вход свободный. Программа опубликована на сайте.',
    },
  },
  'tone.reply-unaddressed': {
    explanation: {
      en: 'Where the tone target is warm, an answer to a person that neither names them (in the vocative or with an @mention) nor greets or thanks them: a notice pinned under their question.',
      ru: 'При тёплом целевом тоне — ответ человеку, где его не называют по имени (в обращении или через @упоминание), не приветствуют и не благодарят: объявление под его вопросом.',
    },
    setting: 'warm-reply',
    example: {
      en: 'Entry to the open day on 20 June is free for all visitors. The programme is on the website.',
      ru: 'Вход на день открытых дверей 20 июня для всех посетителей свободный. Программа размещена на сайте.',
    },
  },
  'policy.key-message-missing': {
    explanation: {
      en: 'A key message the task requires is not in the draft (by its keywords, alternatives or covering fact).',
      ru: 'В черновике нет ключевого сообщения, которого требует задача (по ключевым словам, вариантам или покрывающему факту).',
    },
    setting: 'x-post',
    example: {
      en: 'We understand how worrying this is. Call +99 123 456 789 at any time. #AzuriaHelp',
      ru: 'Понимаем, как это тревожно. Звоните по номеру +99 123 456 789 в любое время. #AzuriaHelp',
    },
  },
  'policy.red-line': {
    explanation: {
      en: 'The draft says what the policy says must never be said: a red line, by its phrases or concepts.',
      ru: 'Черновик говорит то, чего по политике говорить нельзя: красная линия, по её фразам или понятиям.',
    },
    setting: 'x-post',
    example: {
      en: `We understand how worrying this is. We promise flights resume tomorrow. ${HOTLINE_EN} #AzuriaHelp`,
      ru: `Понимаем, как это тревожно. Мы обещаем, что рейсы возобновятся завтра. ${HOTLINE_RU} #AzuriaHelp`,
    },
  },
  'policy.fact-mismatch': {
    explanation: {
      en: 'A phone, date, time, number, link or name that differs from the fact sheet (one wrong digit is enough).',
      ru: 'Телефон, дата, время, число, ссылка или имя, которые расходятся со справкой (достаточно одной неверной цифры).',
    },
    setting: 'x-post',
    example: {
      en: 'We understand how worrying this is. Stay calm: our hotline +99 123 456 788 is open around the clock. #AzuriaHelp',
      ru: 'Понимаем, как это тревожно. Сохраняйте спокойствие: горячая линия +99 123 456 788 работает круглосуточно. #AzuriaHelp',
    },
  },
  'policy.fact-missing': {
    explanation: {
      en: 'A fact the task requires (e.g. the hotline number) is not stated.',
      ru: 'Не назван факт, которого требует задача (например, номер горячей линии).',
    },
    setting: 'x-post',
    example: {
      en: 'We understand how worrying this is. Stay calm: our hotline is open around the clock. #AzuriaHelp',
      ru: 'Понимаем, как это тревожно. Сохраняйте спокойствие: горячая линия работает круглосуточно. #AzuriaHelp',
    },
  },
  'policy.fact-unverified': {
    explanation: {
      en: 'A phone, date, time, number or link that is not on the fact sheet: readers act on it, so only verified facts.',
      ru: 'Телефон, дата, время, число или ссылка, которых нет в справке: читатели будут действовать по ним, поэтому — только проверенные факты.',
    },
    setting: 'x-post',
    example: {
      en: `We understand how worrying this is. ${HOTLINE_EN} Taxis to the border: +44 20 7946 0321. #AzuriaHelp`,
      ru: `Понимаем, как это тревожно. ${HOTLINE_RU} Такси до границы: +44 20 7946 0321. #AzuriaHelp`,
    },
  },
  'policy.deprecated-term': {
    explanation: {
      en: "A term the policy's terminology replaces with a preferred one.",
      ru: 'Термин, который терминология политики заменяет предпочтительным.',
    },
    setting: 'x-post',
    example: {
      en: `We understand how worrying this is for all expats. ${HOTLINE_EN} #AzuriaHelp`,
      ru: `Понимаем, как это тревожно для всех экспатов. ${HOTLINE_RU} #AzuriaHelp`,
    },
  },
  'policy.hashtag-unapproved': {
    explanation: {
      en: "A hashtag that is not on the policy's approved list: a hashtag ties the embassy to a conversation.",
      ru: 'Хэштег не из утверждённого политикой списка: хэштег связывает посольство с чужой дискуссией.',
    },
    setting: 'x-post',
    example: {
      en: `We understand how worrying this is. ${HOTLINE_EN} #AzuriaHelp #StrandedInAzuria`,
      ru: `Понимаем, как это тревожно. ${HOTLINE_RU} #AzuriaHelp #ЗастрялиВАзурии`,
    },
  },
  'policy.hashtag-missing': {
    explanation: {
      en: 'A hashtag the task requires is not in the draft.',
      ru: 'В черновике нет хэштега, которого требует задача.',
    },
    setting: 'x-post',
    example: {
      en: `We understand how worrying this is. ${HOTLINE_EN}`,
      ru: `Понимаем, как это тревожно. ${HOTLINE_RU}`,
    },
  },
  'platform.too-long': {
    explanation: {
      en: 'Longer than the platform takes in one post or message, counted as the platform counts (X: 280, links count 23).',
      ru: 'Длиннее, чем платформа принимает в одном посте или сообщении, по её правилам подсчёта (X: 280, ссылка — 23).',
    },
    setting: 'x-post',
    example: {
      en: `We understand how worrying this is for everyone who planned to fly home this week, and for their families. ${HOTLINE_EN} Our consular staff will answer every call, help you change your tickets and tell you about every new flight as soon as it is confirmed. #AzuriaHelp`,
      ru: `Понимаем, как это тревожно для всех, кто собирался вернуться домой на этой неделе, и для их семей. ${HOTLINE_RU} Сотрудники консульства ответят на каждый звонок, помогут поменять билеты и сообщат о каждом новом рейсе. #AzuriaHelp`,
    },
  },
  'platform.wrong-language': {
    explanation: {
      en: "Written in another language than the account's audience reads (the scenario's play language, or the account's audienceLanguage).",
      ru: 'Написано не на том языке, который читает аудитория аккаунта (язык прохождения или audienceLanguage аккаунта).',
    },
    setting: 'x-post',
    example: {
      en: 'Понимаем, как это тревожно. Сохраняйте спокойствие: горячая линия +99 123 456 789 работает круглосуточно. #AzuriaHelp',
      ru: 'We understand how worrying this is. Stay calm: our hotline +99 123 456 789 is open around the clock. #AzuriaHelp',
    },
  },
  'platform.language-unsupported': {
    explanation: {
      en: 'A language the grader has no lexicons for (it grades English, Russian and Ukrainian): tone and wording go unchecked; no points lost.',
      ru: 'Язык, для которого у оценщика нет словарей (он оценивает английский, русский и украинский): тон и формулировки не проверяются; баллы не снимаются.',
    },
    setting: 'x-post',
    example: {
      en: 'Wir verstehen, wie beunruhigend das ist. Bleiben Sie ruhig: Unsere Hotline +99 123 456 789 ist rund um die Uhr erreichbar. #AzuriaHelp',
      ru: 'Wir verstehen, wie beunruhigend das ist. Bleiben Sie ruhig: Unsere Hotline +99 123 456 789 ist rund um die Uhr erreichbar. #AzuriaHelp',
    },
  },
  'platform.too-many-hashtags': {
    explanation: {
      en: 'More hashtags than the platform norm (X: 2, Instagram: 5): one finding over the extra ones.',
      ru: 'Больше хэштегов, чем принято на платформе (X: 2, Instagram: 5): одно замечание на все лишние.',
    },
    setting: 'x-post',
    example: {
      en: `We understand how worrying this is. ${HOTLINE_EN} #AzuriaHelp #Flights #Embassy`,
      ru: `Понимаем, как это тревожно. ${HOTLINE_RU} #AzuriaHelp #Рейсы #Посольство`,
    },
  },
  'platform.too-many-links': {
    explanation: {
      en: 'More links than the platform norm (X: 1; a thread: that many per part).',
      ru: 'Больше ссылок, чем принято на платформе (X: 1; в треде — столько на каждую часть).',
    },
    setting: 'x-post',
    example: {
      en: `We understand how worrying this is. ${HOTLINE_EN} Register: https://valdoria.example/register and https://airline.example/status #AzuriaHelp`,
      ru: `Понимаем, как это тревожно. ${HOTLINE_RU} Регистрация: https://valdoria.example/register и https://airline.example/status #AzuriaHelp`,
    },
  },
  'platform.hashtag-in-message': {
    explanation: {
      en: 'A hashtag in a direct message or a mass notification, where nobody can follow it.',
      ru: 'Хэштег в личном сообщении или массовой рассылке, где по нему никто не перейдёт.',
    },
    setting: 'x-message',
    example: {
      en: 'We are sorry you are stuck. Stay calm and call our hotline +99 123 456 789, open around the clock. #AzuriaHelp',
      ru: 'Нам жаль, что вы застряли. Сохраняйте спокойствие и звоните на горячую линию +99 123 456 789, она работает круглосуточно. #AzuriaHelp',
    },
  },
  'platform.thread-part-too-long': {
    explanation: {
      en: 'A part of a thread longer than one post may be (parts are separated by a blank line).',
      ru: 'Часть треда длиннее одного поста (части разделяются пустой строкой).',
    },
    setting: 'x-thread',
    example: {
      en: `We understand how worrying this is for everyone who planned to fly home this week, and for their families. All flights from Azuria are suspended until further notice, and we do not yet know when they will resume. Our consular staff are working with the airlines on every option to bring people home, and we will post each confirmed flight here.\n\n${HOTLINE_EN}`,
      ru: `Понимаем, как это тревожно для всех, кто собирался вернуться домой на этой неделе, и для их семей. Все рейсы из Азурии приостановлены до особого распоряжения, и пока неизвестно, когда их возобновят. Сотрудники консульства работают с авиакомпаниями над всеми вариантами возвращения людей домой и сообщат здесь о каждом подтверждённом рейсе.\n\n${HOTLINE_RU}`,
    },
  },
  'platform.below-fold': {
    explanation: {
      en: 'Part of the post is behind the feed\'s "See more" (Facebook folds at 477 characters): a hint to put what matters first.',
      ru: 'Часть поста скрыта за «Ещё» в ленте (Facebook сворачивает после 477 знаков): подсказка поставить главное в начало.',
    },
    setting: 'facebook-post',
    example: {
      en: `We understand how worrying this is. ${HOTLINE_EN} All flights from Azuria are suspended until further notice. Our consular staff are working with the airlines on every option to bring people home, and we will post each confirmed flight here as soon as we have it. Families at home can call the same number for news of their relatives. Please check your airline's page for your own booking, keep your phone charged and your documents with you, and look after each other while we work on this.`,
      ru: `Понимаем, как это тревожно. ${HOTLINE_RU} Все рейсы из Азурии приостановлены до особого распоряжения. Сотрудники консульства работают с авиакомпаниями над всеми вариантами возвращения, и мы будем публиковать здесь каждый подтверждённый рейс. Родственники могут звонить по тому же номеру. Следите за страницей своей авиакомпании, держите телефон заряженным, а документы при себе и поддерживайте друг друга, пока мы работаем.`,
    },
  },
  'platform.essentials-below-fold': {
    explanation: {
      en: 'Every practical fact (phones, links, dates, times) is behind "See more" after a long preamble: most readers never see them.',
      ru: 'Все практические сведения (телефоны, ссылки, даты, время) скрыты за «Ещё» после длинного вступления: большинство читателей их не увидит.',
    },
    setting: 'facebook-post',
    example: {
      en: `We understand how worrying this is for everyone who planned to fly home this week, and for their families at home. All flights from Azuria are suspended until further notice, and nobody can yet say when they will resume. Our consular staff are working with the airlines on every option to bring people home, and we will post each confirmed flight here as soon as we have it. Please look after each other, and keep your documents with you while we work on this. ${HOTLINE_EN} Register at https://valdoria.example/register`,
      ru: `Понимаем, как это тревожно для всех, кто собирался вернуться домой на этой неделе, и для их семей. Все рейсы из Азурии приостановлены до особого распоряжения, и пока никто не может сказать, когда их возобновят. Сотрудники консульства работают с авиакомпаниями над всеми вариантами возвращения людей домой и будут публиковать здесь каждый подтверждённый рейс. Пожалуйста, поддерживайте друг друга и держите документы при себе, пока мы работаем. ${HOTLINE_RU} Регистрация: https://valdoria.example/register`,
    },
  },
  'platform.reply-too-long': {
    explanation: {
      en: 'A reply in a comment thread (Facebook, Telegram) longer than a comment is read: past 800 characters it is an article pasted under the post, and the answer is lost in it.',
      ru: 'Ответ в ветке комментариев (Facebook, Telegram) длиннее, чем читают комментарий: больше 800 знаков — это уже статья под постом, и ответ в ней теряется.',
    },
    setting: 'warm-reply',
    example: {
      en: 'Dear Ana, thank you for your question, and thank you for your interest in our open day. We are always glad when people want to visit the embassy and learn more about our country, its culture and the work we do here every day. Yes, entry to the open day on 20 June 2026 is completely free for all visitors, and you do not need to register in advance or bring any ticket. The doors open at ten in the morning and close at six in the evening, and you can come at any time that suits you. There will be guided tours of the building every hour, an exhibition of photographs, a corner for children with games and drawing, and a tasting of traditional dishes in the garden. Our consular staff will also be there to answer questions about visas and documents. Please bring an identity document, as there is a short security check at the entrance. The full programme is on our website. We look forward to welcoming you and your family, and thank you once again for writing to us.',
      ru: 'Уважаемая Ана, спасибо за ваш вопрос и за интерес к нашему дню открытых дверей. Мы всегда рады, когда люди хотят побывать в посольстве и больше узнать о нашей стране, её культуре и о работе, которую мы ведём здесь каждый день. Да, вход на день открытых дверей 20 июня 2026 года совершенно свободный для всех посетителей, регистрироваться заранее или приносить билет не нужно. Двери открываются в десять утра и закрываются в шесть вечера, приходить можно в любое удобное время. Каждый час будут экскурсии по зданию, выставка фотографий, детский уголок с играми и рисованием и дегустация традиционных блюд в саду. Сотрудники консульства тоже будут на месте и ответят на вопросы о визах и документах. Пожалуйста, возьмите с собой документ, удостоверяющий личность: на входе короткая проверка. Полная программа — на нашем сайте. Будем рады видеть вас и вашу семью, и ещё раз спасибо, что написали нам.',
    },
  },
  'platform.title-missing': {
    explanation: {
      en: 'A video post (YouTube) whose first line cannot be a title: no line break sets it apart from the description, or it is longer than a title can be (100 characters).',
      ru: 'Пост с видео (YouTube), у которого первая строка не может быть названием: она не отделена от описания переводом строки или длиннее, чем бывает название (100 знаков).',
    },
    setting: 'youtube-video',
    example: {
      en: 'We are glad to invite you to the open day of the Embassy of Valdoria on 20 June 2026. Entry is free, and the whole family is welcome.',
      ru: 'Рады пригласить вас на день открытых дверей посольства Вальдории 20 июня 2026 года. Вход свободный, приходите всей семьёй.',
    },
  },
  'platform.empty': {
    explanation: {
      en: 'Nothing to publish: the draft is empty or only white space.',
      ru: 'Публиковать нечего: черновик пуст или состоит из одних пробелов.',
    },
    setting: 'x-post',
    example: { en: '', ru: '' },
  },
  'policy.moderation-hid-criticism': {
    explanation: {
      en: 'A live comment that criticises or asks was hidden: hiding criticism is not moderation, and it fails the policy axis.',
      ru: 'Скрыт комментарий в прямом эфире с критикой или вопросом: скрывать критику — не модерация, ось политики не пройдена.',
    },
    actions: {
      en: 'During a moderation task, hide the comment "Why is the reception by invitation only?" (criticism).',
      ru: 'Во время задания на модерацию скрыть комментарий «Почему приём только по приглашениям?» (критика).',
    },
  },
  'policy.moderation-hid-harmless': {
    explanation: {
      en: 'A harmless live comment (praise, an off-topic remark) was hidden: moderation removes abuse and spam, not chatter.',
      ru: 'Скрыт безобидный комментарий в эфире (похвала, реплика не по теме): модерация убирает оскорбления и спам, а не болтовню.',
    },
    actions: {
      en: 'During a moderation task, hide the comment "What a beautiful hall!" (praise).',
      ru: 'Во время задания на модерацию скрыть комментарий «Какой красивый зал!» (похвала).',
    },
  },
  'policy.moderation-abuse-left': {
    explanation: {
      en: 'Abuse or spam under the live stream was still visible when the moderation task ended.',
      ru: 'Оскорбление или спам под прямой трансляцией оставались видны, когда задание на модерацию закончилось.',
    },
    actions: {
      en: 'Let a moderation task end without hiding the comment "You are all liars and idiots." (abuse).',
      ru: 'Дать заданию на модерацию закончиться, не скрыв комментарий «Вы все лжецы и идиоты.» (оскорбление).',
    },
  },
  'policy.moderation-pinned-abuse': {
    explanation: {
      en: 'Abuse or spam was pinned on top of the live stream, where every viewer sees it first.',
      ru: 'Оскорбление или спам закреплены над прямой трансляцией, где их первыми видят все зрители.',
    },
    actions: {
      en: 'During a moderation task, pin the comment "Cheap followers at example.biz" (spam).',
      ru: 'Во время задания на модерацию закрепить комментарий «Дешёвые подписчики на example.biz» (спам).',
    },
  },
  'platform.moderation-late': {
    explanation: {
      en: 'Abuse or spam was hidden, but only after it had been up longer than a minute: a live audience reads it in seconds.',
      ru: 'Оскорбление или спам скрыты, но лишь после того, как провисели дольше минуты: зрители эфира читают за секунды.',
    },
    actions: {
      en: 'Hide the comment "You are all liars and idiots." (abuse) three minutes after it was written.',
      ru: 'Скрыть комментарий «Вы все лжецы и идиоты.» (оскорбление) через три минуты после его появления.',
    },
  },
  // A report to headquarters is graded against the facts of the attempt it was written in, so its
  // rules are told by what the report does; report.fixtures.ts makes each fire in en, ru and uk.
  'tone.report-register': {
    explanation: {
      en: 'A report to headquarters exclaims, speaks to the public ("dear followers", "stay safe") or editorialises ("overwhelmingly hostile", "I strongly recommend"): an internal note states facts formally, whatever the tone of the scenario.',
      ru: 'Отчёт в Центр восклицает, обращается к публике («дорогие подписчики», «берегите себя») или даёт оценки и советы («крайне враждебно», «настоятельно рекомендую»): служебная записка официально излагает факты, каков бы ни был тон сценария.',
    },
    actions: {
      en: 'Send the report "Dear followers, 12 replies so far, mostly critical!"',
      ru: 'Отправить отчёт «Дорогие подписчики, пока 12 ответов, в основном критика!»',
    },
  },
  'policy.report-fact-missing': {
    explanation: {
      en: 'A fact the report task asks for (how many replies, which mood, the busiest account, the item shared most) is not stated.',
      ru: 'Не изложен факт, которого требует задача отчёта (сколько ответов, какое настроение, самый активный аккаунт, что репостили больше всего).',
    },
    actions: {
      en: 'Report the moods and the accounts, but not how many replies there are, when the task asks for replies.',
      ru: 'Доложить о настроениях и аккаунтах, но не о числе ответов, когда задача спрашивает и его.',
    },
  },
  'policy.report-fact-wrong': {
    explanation: {
      en: 'A fact is stated wrong: a reply count the monitoring does not show (exactly, or within 10 % after "about"), a mood that is not the dominant one, another account than the busiest, another item than the one shared most.',
      ru: 'Факт изложен неверно: число ответов, которого нет в мониторинге (точно или в пределах 10 % после «около»), не преобладающее настроение, не самый активный аккаунт, не та публикация, что репостили больше всего.',
    },
    actions: {
      en: 'Report "30 replies" when the monitoring counts 46.',
      ru: 'Доложить о «30 ответах», когда мониторинг насчитывает 46.',
    },
  },
  'platform.report-length': {
    explanation: {
      en: 'The report is shorter or longer than an internal note of the task (its words.min and words.max; 40 to 250 words unless the task says).',
      ru: 'Отчёт короче или длиннее служебной записки этой задачи (её words.min и words.max; от 40 до 250 слов, если задача не указывает иное).',
    },
    actions: {
      en: 'Send a report of one line: "12 replies, mostly critical."',
      ru: 'Отправить отчёт в одну строку: «12 ответов, в основном критика».',
    },
  },
  'platform.report-post-markup': {
    explanation: {
      en: 'The report carries a hashtag, an @mention or a link as a post would: it is an internal note, not a post.',
      ru: 'В отчёте хештег, @упоминание или ссылка, как в посте, а это служебная записка, не пост.',
    },
    actions: {
      en: 'Write "#Lindvik" or "@embassy_x" in the report.',
      ru: 'Написать в отчёте «#Линдвик» или «@embassy_x».',
    },
  },
  'policy.uncleared': {
    explanation: {
      en: 'A publication that needed clearance by headquarters went out without it: not sent, returned, or changed after it was cleared. At level error it fails the policy axis.',
      ru: 'Публикация, требовавшая согласования с Центром, вышла без него: не отправлена на согласование, возвращена или изменена после согласования. На уровне error ось политики не пройдена.',
    },
    actions: {
      en: 'On an account or a task with clearance: true, publish a draft without sending it for clearance, or publish it before the answer comes.',
      ru: 'На аккаунте или в задаче с clearance: true опубликовать черновик, не отправив его на согласование, или опубликовать его до ответа.',
    },
  },
};

/** The docs of every rule of the catalogue, in the catalogue's order (a rule without docs throws). */
export function documentedRules(): Array<{ spec: RuleSpec; doc: RuleDoc }> {
  return RULES.map((spec) => {
    const doc = RULE_DOCS[spec.id];
    if (!doc) throw new Error(`The rule ${spec.id} has no docs in core/grading/rule-docs.ts: add its explanation and example.`);
    return { spec, doc };
  });
}

/**
 * The YAML that tunes a rule, to paste under a scenario or a task: its default level and weight,
 * ready to change (`level: off` turns it off).
 */
export function ruleTuningYaml(spec: Pick<RuleSpec, 'id' | 'level' | 'weight'>): string {
  return `rubric:\n  rules:\n    ${spec.id}: { level: ${spec.level}, weight: ${spec.weight} }\n`;
}

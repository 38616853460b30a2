import { describe, expect, it } from 'vitest';
import type { Scenario } from '../pack/schema';
import { createPackSchemas } from '../pack/schema';
import type { RawFinding } from './analysis';
import { analyseDraft, createGradingContext } from './grade';
import { policyRules } from './policy';

const L = (en: string, ru: string, uk: string) => ({ en, ru, uk });
const PASS_MARK = { tone: 70, policy: 70, platform: 70 };
const MODEL = L('Model answer.', 'Образцовый ответ.', 'Зразкова відповідь.');

const SCENARIO_SOURCE = {
  id: 'stranded',
  kind: 'crisis',
  title: L('Stranded', 'Застряли', 'Застрягли'),
  summary: L('Flights are suspended.', 'Рейсы приостановлены.', 'Рейси призупинено.'),
  situation: L(
    'Flights from Veland are suspended. Travellers wait in Petrosa and at Coral Bay airport.',
    'Рейсы из Веланда приостановлены. Путешественники ждут в Петросе и в аэропорту Корал-Бей.',
    'Рейси з Веланду призупинено. Мандрівники чекають у Петросі та в аеропорту Корал-Бей.',
  ),
  role: { title: L('Press attaché', 'Пресс-атташе', 'Пресаташе'), organisation: L('Embassy of Azuria', 'Посольство Азурии', 'Посольство Азурії') },
  duration: '2:00',
  accounts: [
    {
      id: 'embassy-x',
      platform: 'x',
      handle: '@AzuriaInVeland',
      name: L('Embassy of Azuria', 'Посольство Азурии', 'Посольство Азурії'),
      audience: { followers: 5000, description: L('Citizens', 'Граждане', 'Громадяни') },
    },
    {
      id: 'embassy-tg',
      platform: 'telegram',
      handle: '@azuria_veland',
      name: L('Embassy of Azuria', 'Посольство Азурии', 'Посольство Азурії'),
      audience: { followers: 900, description: L('Citizens', 'Граждане', 'Громадяни') },
    },
  ],
  facts: [
    { id: 'hotline', type: 'phone', label: L('Consular hotline', 'Горячая линия консульства', 'Гаряча лінія консульства'), value: '+99 21 555 0147' },
    { id: 'resume', type: 'date', label: L('Flights resume', 'Возобновление рейсов', 'Відновлення рейсів'), value: '2026-06-14' },
    { id: 'opens', type: 'time', label: L('Consular desk opens', 'Открытие консульского пункта', 'Відкриття консульського пункту'), value: '09:30' },
    { id: 'registered', type: 'number', label: L('Citizens registered', 'Зарегистрировано граждан', 'Зареєстровано громадян'), value: 20000 },
    { id: 'flights', type: 'number', label: L('Extra flights, 14–18 June', 'Дополнительные рейсы, 14–18 июня', 'Додаткові рейси, 14–18 червня'), value: 12 },
    {
      id: 'travel-page',
      type: 'url',
      label: L('Travel advice', 'Рекомендации путешественникам', 'Поради мандрівникам'),
      value: 'https://mfa.azuria.example/travel',
    },
    { id: 'consul', type: 'name', label: L('Consul', 'Консул', 'Консул'), value: L('Anna Petrova', 'Анна Петрова', 'Анна Петрова') },
    {
      id: 'documents',
      type: 'text',
      label: L('What to bring', 'Что взять с собой', 'Що взяти з собою'),
      value: L('Bring your passport and boarding pass', 'Возьмите паспорт и посадочный талон', 'Візьміть паспорт і посадковий талон'),
    },
  ],
  policy: {
    keyMessages: [
      {
        id: 'hotline',
        wording: L('Call the consular hotline for help.', 'Звоните на горячую линию консульства.', 'Телефонуйте на гарячу лінію консульства.'),
        keywords: { en: ['hotline'], ru: ['горячая линия'], uk: ['гаряча лінія'] },
      },
      {
        id: 'register',
        wording: L(
          'Register so that we can reach you.',
          'Зарегистрируйтесь, чтобы мы могли с вами связаться.',
          'Зареєструйтеся, щоб ми могли з вами зв’язатися.',
        ),
        keywords: { en: ['register', 'registration'], ru: ['зарегистрируйтесь', 'регистрация'], uk: ['зареєструйтеся', 'реєстрація'] },
      },
      {
        id: 'airport',
        wording: L('Coral Bay airport is closed.', 'Аэропорт Корал-Бей закрыт.', 'Аеропорт Корал-Бей закрито.'),
        keywords: { en: ['Coral Bay'] },
      },
    ],
    redLines: [
      {
        id: 'no-promises',
        description: L('Never promise compensation.', 'Никогда не обещайте компенсацию.', 'Ніколи не обіцяйте компенсацію.'),
        phrases: { en: ['compensation is guaranteed', 'we will pay'], ru: ['гарантируем компенсацию', 'всё будет оплачено'], uk: ['гарантуємо компенсацію'] },
      },
    ],
    terminology: [
      {
        id: 'evacuation',
        preferred: L('evacuation flight', 'вывозной рейс', 'евакуаційний рейс'),
        deprecated: { en: ['rescue flight'], ru: ['спасательный рейс'], uk: ['рятувальний рейс'] },
      },
    ],
    hashtags: { approved: ['#AzuriaHelps', '#АзурияПомогает', '#АзуріяДопомагає'] },
    tone: { target: 'empathetic' },
  },
  timeline: [
    {
      id: 'question',
      at: '0:05',
      type: 'post',
      persona: 'citizen',
      account: 'embassy-x',
      text: L('How do we get home?', 'Как нам вернуться?', 'Як нам повернутися?'),
    },
  ],
  tasks: [
    {
      id: 'post',
      kind: 'post',
      account: 'embassy-x',
      opensAt: '0:05',
      due: '0:30',
      title: L('Post the hotline', 'Опубликуйте горячую линию', 'Опублікуйте гарячу лінію'),
      brief: L('Give the hotline and the date.', 'Дайте горячую линию и дату.', 'Дайте гарячу лінію і дату.'),
      requires: { keyMessages: ['hotline', 'register'], facts: ['hotline', 'resume'], hashtags: ['#AzuriaHelps'] },
      passMark: PASS_MARK,
      modelAnswer: MODEL,
    },
    {
      id: 'dm',
      kind: 'direct-message',
      account: 'embassy-tg',
      recipient: 'citizen',
      opensAt: '0:10',
      due: '0:40',
      title: L('Answer Olga', 'Ответьте Ольге', 'Дайте відповідь Ользі'),
      brief: L(
        'Olga Marenko’s flight home is on 16 June. Tell her what to bring.',
        'Рейс Ольги Маренко домой — 16 июня. Скажите, что взять с собой.',
        'Рейс Ольги Маренко додому — 16 червня. Скажіть, що взяти з собою.',
      ),
      requires: { keyMessages: ['airport'], facts: ['documents'] },
      passMark: PASS_MARK,
      modelAnswer: MODEL,
    },
  ],
  audience: { replies: {} },
  passRule: { rule: 'all-passed' },
  debrief: {
    summary: L('Numbers first.', 'Сначала номера.', 'Спершу номери.'),
    teachingPoints: [L('Check every digit.', 'Проверяйте каждую цифру.', 'Перевіряйте кожну цифру.')],
  },
};

const schema = createPackSchemas({ languages: ['en', 'ru', 'uk'] }).scenario;
const SCENARIO: Scenario = schema.parse(SCENARIO_SOURCE);

function policy(text: string, playLanguage = 'en', task = 'post', scenario: Scenario = SCENARIO): RawFinding[] {
  const context = createGradingContext({ scenario, task, playLanguage });
  return policyRules(analyseDraft(text, context), context);
}

const of = (findings: RawFinding[], ruleId: string) => findings.filter((f) => f.ruleId === ruleId);
const spans = (text: string, findings: RawFinding[]) => findings.map((f) => (f.span ? text.slice(f.span.start, f.span.end) : null));

const GOOD = {
  en: 'Flights resume on 14 June. Stranded? Call our hotline +99 21 555 0147 and register with the embassy. #AzuriaHelps',
  ru: 'Рейсы возобновятся 14 июня. Звоните на горячую линию +99 21 555 0147 и зарегистрируйтесь в посольстве. #AzuriaHelps',
  uk: 'Рейси відновляться 14 червня. Телефонуйте на гарячу лінію +99 21 555 0147 і зареєструйтеся в посольстві. #AzuriaHelps',
};

describe('a draft that says what HQ cleared', () => {
  it.each(Object.entries(GOOD))('raises nothing in %s', (language, text) => {
    expect(policy(text, language)).toEqual([]);
  });
});

describe('policy.key-message-missing', () => {
  it('counts inflected keywords as the message (en, ru, uk)', () => {
    expect(of(policy('Our hotlines stay open; registration is online. +99 21 555 0147, 14 June #AzuriaHelps'), 'policy.key-message-missing')).toEqual([]);
    expect(of(policy('Номер горячей линии +99 21 555 0147; регистрацию ведём онлайн. 14 июня #AzuriaHelps', 'ru'), 'policy.key-message-missing')).toEqual([]);
    expect(of(policy('Номер гарячої лінії +99 21 555 0147; реєстрацію ведемо онлайн. 14 червня #AzuriaHelps', 'uk'), 'policy.key-message-missing')).toEqual([]);
  });

  it('names the missing message in the play language, without a span, and suggests its keywords', () => {
    const [finding, ...rest] = of(policy('Call +99 21 555 0147 from 14 June and register. #AzuriaHelps'), 'policy.key-message-missing');
    expect(rest).toEqual([]);
    expect(finding).toEqual({
      ruleId: 'policy.key-message-missing',
      message: { key: 'policy.key-message-missing.absent', params: { wording: 'Call the consular hotline for help.' } },
      suggestion: { message: { key: 'policy.key-message-missing.suggestion', params: { keywords: '“hotline”' } } },
    });
    const ru = of(policy('Звоните +99 21 555 0147 с 14 июня и зарегистрируйтесь. #AzuriaHelps', 'ru'), 'policy.key-message-missing');
    expect(ru.map((f) => f.message.params?.wording)).toEqual(['Звоните на горячую линию консульства.']);
    expect(ru[0]!.suggestion?.message?.params?.keywords).toBe('«горячая линия»');
    const uk = of(policy('Телефонуйте +99 21 555 0147 з 14 червня. #AzuriaHelps', 'uk'), 'policy.key-message-missing');
    expect(uk.map((f) => f.message.params?.wording)).toEqual(['Телефонуйте на гарячу лінію консульства.', 'Зареєструйтеся, щоб ми могли з вами зв’язатися.']);
  });

  it('falls back to another language’s keywords when the draft’s language has none', () => {
    const text = 'Аеропорт Coral Bay закрито. Візьміть паспорт і посадковий талон.';
    expect(of(policy(text, 'uk', 'dm'), 'policy.key-message-missing')).toEqual([]);
    expect(of(policy('Аеропорт закрито. Візьміть паспорт і посадковий талон.', 'uk', 'dm'), 'policy.key-message-missing')).toHaveLength(1);
  });
});

describe('policy.red-line', () => {
  it('marks the phrase and says which line it crosses (en, ru, uk)', () => {
    const en = `${GOOD.en} Don't worry, we will pay for your hotel.`;
    const enFindings = of(policy(en), 'policy.red-line');
    expect(spans(en, enFindings)).toEqual(['we will pay']);
    expect(enFindings[0]!.message).toEqual({ key: 'policy.red-line', params: { phrase: 'we will pay', description: 'Never promise compensation.' } });

    const ru = `${GOOD.ru} Гарантируем компенсацию всем.`;
    const ruFindings = of(policy(ru, 'ru'), 'policy.red-line');
    expect(spans(ru, ruFindings)).toEqual(['Гарантируем компенсацию']);
    expect(ruFindings[0]!.message.params?.description).toBe('Никогда не обещайте компенсацию.');

    const uk = `${GOOD.uk} Гарантуємо компенсацію.`;
    expect(spans(uk, of(policy(uk, 'uk'), 'policy.red-line'))).toEqual(['Гарантуємо компенсацію']);
  });

  it('treats ё and е as one letter', () => {
    const withE = `${GOOD.ru} Все будет оплачено.`;
    expect(spans(withE, of(policy(withE, 'ru'), 'policy.red-line'))).toEqual(['Все будет оплачено']);
  });

  it('reports one overlapping phrase once, and sees no statement inside a link', () => {
    const text = `${GOOD.en} Compensation is guaranteed.`;
    expect(of(policy(text), 'policy.red-line')).toHaveLength(1);
    expect(of(policy(`${GOOD.en} https://mfa.azuria.example/we-will-pay`), 'policy.red-line')).toEqual([]);
  });
});

describe('policy.deprecated-term', () => {
  it('marks the deprecated form, inflected too, and offers the preferred one in the draft’s language', () => {
    const en = `${GOOD.en} Two rescue flights leave today.`;
    const enFinding = of(policy(en), 'policy.deprecated-term')[0]!;
    expect(spans(en, [enFinding])).toEqual(['rescue flights']);
    expect(enFinding.suggestion).toEqual({ replacement: 'evacuation flight' });
    expect(enFinding.message).toEqual({ key: 'policy.deprecated-term', params: { term: 'rescue flights', preferred: 'evacuation flight' } });

    // Russian and Ukrainian inflect: the preferred term is offered word for word only for the form the pack lists;
    // "спасательным рейсом" → "вывозной рейс" would be ungrammatical, so it gets advice and no replacement.
    const ru = `${GOOD.ru} Вы полетите спасательным рейсом.`;
    const ruFinding = of(policy(ru, 'ru'), 'policy.deprecated-term')[0]!;
    expect(spans(ru, [ruFinding])).toEqual(['спасательным рейсом']);
    expect(ruFinding.suggestion).toEqual({ message: { key: 'policy.deprecated-term.inflect', params: { preferred: 'вывозной рейс' } } });
    const ruListed = `${GOOD.ru} Это спасательный рейс.`;
    expect(of(policy(ruListed, 'ru'), 'policy.deprecated-term')[0]!.suggestion?.replacement).toBe('вывозной рейс');

    const uk = `${GOOD.uk} Ви полетите рятувальним рейсом.`;
    expect(of(policy(uk, 'uk'), 'policy.deprecated-term')[0]!.suggestion?.replacement).toBeUndefined();
    expect(of(policy(`${GOOD.uk} Це рятувальний рейс.`, 'uk'), 'policy.deprecated-term')[0]!.suggestion?.replacement).toBe('евакуаційний рейс');
  });

  it('does not flag a deprecated short form inside the preferred full one', () => {
    const scenario = schema.parse({
      ...SCENARIO_SOURCE,
      policy: {
        ...SCENARIO_SOURCE.policy,
        terminology: [{ id: 'name', preferred: L('Republic of Azuria', 'Республика Азурия', 'Республіка Азурія'), deprecated: { en: ['Azuria'] } }],
      },
    });
    expect(of(policy(`The Republic of Azuria helps. ${GOOD.en}`, 'en', 'post', scenario), 'policy.deprecated-term')).toEqual([]);
    expect(of(policy(`Azuria helps. ${GOOD.en}`, 'en', 'post', scenario), 'policy.deprecated-term')).toHaveLength(1);
  });
});

describe('hashtags', () => {
  it('accepts approved hashtags in any case and flags others, offering a near approved one', () => {
    const text = `${GOOD.en.replace('#AzuriaHelps', '#azuriahelps')} #AzuriaHelp #StrandedInVeland`;
    const findings = of(policy(text), 'policy.hashtag-unapproved');
    expect(spans(text, findings)).toEqual(['#AzuriaHelp', '#StrandedInVeland']);
    expect(findings[0]!.suggestion).toEqual({ replacement: '#AzuriaHelps' });
    expect(findings[1]!.suggestion).toBeUndefined();
    expect(findings[1]!.message.params?.approved).toBe('#AzuriaHelps, #АзурияПомогает, #АзуріяДопомагає');
    expect(of(policy(`${GOOD.ru} #АзурияПомогает #Беда`, 'ru'), 'policy.hashtag-unapproved').map((f) => f.message.params?.hashtag)).toEqual(['#Беда']);
    expect(of(policy(`${GOOD.uk} #АзуріяДопомагає`, 'uk'), 'policy.hashtag-unapproved')).toEqual([]);
  });

  it('asks for a required hashtag that is missing', () => {
    const findings = of(policy(GOOD.en.replace(' #AzuriaHelps', '')), 'policy.hashtag-missing');
    expect(findings).toEqual([{ ruleId: 'policy.hashtag-missing', message: { key: 'policy.hashtag-missing', params: { hashtag: '#AzuriaHelps' } } }]);
  });

  it('leaves hashtags in a direct message to platform fit', () => {
    expect(policy('Аеропорт Coral Bay закрито. Візьміть паспорт і посадковий талон. #Допомога', 'uk', 'dm')).toEqual([]);
  });

  it('flags nothing as unapproved when the scenario approves no hashtags', () => {
    const scenario = schema.parse({ ...SCENARIO_SOURCE, policy: { ...SCENARIO_SOURCE.policy, hashtags: { approved: [] } } });
    expect(of(policy(`${GOOD.en} #Anything`, 'en', 'post', scenario), 'policy.hashtag-unapproved')).toEqual([]);
  });
});

describe('facts: phone numbers', () => {
  it('takes the verified number in international or national form', () => {
    expect(of(policy(GOOD.en.replace('+99 21 555 0147', '(21) 555-01-47')), 'policy.fact-mismatch')).toEqual([]);
    expect(of(policy(GOOD.ru.replace('+99 21 555 0147', '+99215550147'), 'ru'), 'policy.fact-missing')).toEqual([]);
  });

  it('names the verified hotline when one digit is wrong (en, ru, uk)', () => {
    const en = GOOD.en.replace('0147', '0148');
    const [finding] = of(policy(en), 'policy.fact-mismatch');
    expect(spans(en, [finding!])).toEqual(['+99 21 555 0148']);
    expect(finding!.message).toEqual({
      key: 'policy.fact-mismatch.phone',
      params: { label: 'Consular hotline', found: '+99 21 555 0148', expected: '+99 21 555 0147' },
    });
    expect(finding!.suggestion).toEqual({ replacement: '+99 21 555 0147' });

    const ru = GOOD.ru.replace('+99 21 555 0147', '(21) 555-01-74');
    expect(of(policy(ru, 'ru'), 'policy.fact-mismatch').map((f) => f.message.params)).toEqual([
      { label: 'Горячая линия консульства', found: '(21) 555-01-74', expected: '+99 21 555 0147' },
    ]);
    const uk = GOOD.uk.replace('0147', '1147');
    expect(of(policy(uk, 'uk'), 'policy.fact-mismatch').map((f) => f.message.key)).toEqual(['policy.fact-mismatch.phone']);
  });

  it('reports a wrong fact once: as a mismatch, not also as missing', () => {
    expect(of(policy(GOOD.en.replace('0147', '0148')), 'policy.fact-missing')).toEqual([]);
  });

  it('warns about a number the fact sheet does not hold', () => {
    const text = `${GOOD.en} Or call the airline: +44 20 7946 0000.`;
    const findings = of(policy(text), 'policy.fact-unverified');
    expect(spans(text, findings)).toEqual(['+44 20 7946 0000']);
    expect(findings[0]!.message.key).toBe('policy.fact-unverified.phone');
  });
});

describe('facts: dates', () => {
  it('takes "14 июня" for 2026-06-14 and names the verified date for "15 июня"', () => {
    expect(of(policy(GOOD.ru, 'ru'), 'policy.fact-mismatch')).toEqual([]);
    const ru = GOOD.ru.replace('14 июня', '15 июня');
    const [finding] = of(policy(ru, 'ru'), 'policy.fact-mismatch');
    expect(finding!.message).toEqual({
      key: 'policy.fact-mismatch.date',
      params: { label: 'Возобновление рейсов', found: '15 июня', expected: '14 июня 2026\u00a0г.' },
    });
    expect(finding!.suggestion).toEqual({ replacement: '14 июня' });
  });

  it('reads English and Ukrainian forms, and offers the correction in the form the draft used', () => {
    for (const written of ['14.06.2026', 'June 14', '2026-06-14', 'Sunday, 14 June 2026']) {
      expect(policy(GOOD.en.replace('14 June', written)), written).toEqual([]);
    }
    const en = GOOD.en.replace('14 June', 'June 15');
    expect(of(policy(en), 'policy.fact-mismatch')[0]!.suggestion).toEqual({ replacement: 'June 14' });
    const numeric = GOOD.en.replace('14 June', '15.06');
    expect(of(policy(numeric), 'policy.fact-mismatch')[0]!.suggestion).toEqual({ replacement: '14.06' });
    expect(policy(GOOD.uk, 'uk')).toEqual([]);
    const uk = GOOD.uk.replace('14 червня', '14 липня');
    expect(of(policy(uk, 'uk'), 'policy.fact-mismatch').map((f) => f.suggestion?.replacement)).toEqual(['14 червня']);
  });

  it('warns about a date far from any on the fact sheet', () => {
    const text = `${GOOD.en} The embassy reopens on 3 September.`;
    expect(of(policy(text), 'policy.fact-unverified').map((f) => f.message.key)).toEqual(['policy.fact-unverified.date']);
  });

  it('accepts a date the task’s brief gives (the citizen’s own flight) but not one a day off it', () => {
    const base = 'Аеропорт Coral Bay закрито. Візьміть паспорт і посадковий талон';
    expect(policy(`${base} на рейс 16 червня.`, 'uk', 'dm')).toEqual([]);
    expect(of(policy(`${base} на рейс 17 червня.`, 'uk', 'dm'), 'policy.fact-mismatch')).toHaveLength(1);
  });

  it('accepts a date the fact sheet’s own labels give', () => {
    expect(policy(`${GOOD.en} 12 extra flights will leave between 14 and 18 June.`)).toEqual([]);
    expect(of(policy(`${GOOD.en} 12 extra flights will leave between 14 and 19 June.`), 'policy.fact-mismatch').map((f) => f.message.params?.found)).toEqual([
      '19 June',
    ]);
  });

  it('does not take a year, a day of a date or a clock time for a count', () => {
    const text = `${GOOD.en} In 2026 the consular desk opens at 09:30; 12 extra flights.`;
    expect(policy(text)).toEqual([]);
  });
});

describe('facts: clock times', () => {
  it('takes the verified time in several forms and names it for a near miss (en, ru, uk)', () => {
    for (const written of ['09:30', '9:30', '9:30 am', '09h30', '9.30']) {
      expect(of(policy(`${GOOD.en} The desk opens at ${written}.`), 'policy.fact-mismatch'), written).toEqual([]);
    }
    const en = `${GOOD.en} The desk opens at 10:30.`;
    expect(of(policy(en), 'policy.fact-mismatch')[0]!.message).toEqual({
      key: 'policy.fact-mismatch.time',
      params: { label: 'Consular desk opens', found: '10:30', expected: '09:30' },
    });
    expect(of(policy(`${GOOD.ru} Пункт открывается в 9.30.`, 'ru'), 'policy.fact-mismatch')).toEqual([]);
    expect(of(policy(`${GOOD.uk} Пункт відкривається о 10:00.`, 'uk'), 'policy.fact-mismatch').map((f) => f.suggestion?.replacement)).toEqual(['09:30']);
  });

  it('warns about a time far from any on the fact sheet', () => {
    expect(of(policy(`${GOOD.en} The desk closes at 17:00.`), 'policy.fact-unverified').map((f) => f.message.key)).toEqual(['policy.fact-unverified.time']);
  });
});

describe('facts: counts', () => {
  it('takes the verified count with any separator or multiplier', () => {
    for (const written of ['20,000', '20 000', '20\u2009000', '20.000', '20k']) {
      expect(of(policy(`${GOOD.en} ${written} citizens have registered.`), 'policy.fact-mismatch'), written).toEqual([]);
    }
    expect(of(policy(`${GOOD.ru} Зарегистрировано 20 тыс. граждан.`, 'ru'), 'policy.fact-mismatch')).toEqual([]);
    expect(of(policy(`${GOOD.uk} Зареєстровано 20 тис. громадян.`, 'uk'), 'policy.fact-mismatch')).toEqual([]);
  });

  it('names the verified count for one within half of it (en, ru, uk)', () => {
    const en = `${GOOD.en} 25,000 citizens have registered.`;
    const [finding] = of(policy(en), 'policy.fact-mismatch');
    expect(spans(en, [finding!])).toEqual(['25,000']);
    expect(finding!.message).toEqual({ key: 'policy.fact-mismatch.number', params: { label: 'Citizens registered', found: '25,000', expected: '20,000' } });
    expect(finding!.suggestion).toEqual({ replacement: '20,000' });
    const ru = `${GOOD.ru} Зарегистрировано 18\u2009000 граждан.`;
    expect(of(policy(ru, 'ru'), 'policy.fact-mismatch').map((f) => [f.message.params?.found, f.message.params?.expected])).toEqual([
      ['18\u2009000', '20\u00a0000'],
    ]);
    const uk = `${GOOD.uk} Зареєстровано 18 тис. громадян.`;
    expect(spans(uk, of(policy(uk, 'uk'), 'policy.fact-mismatch'))).toEqual(['18 тис.']);
  });

  it('compares a small count only beside what it counts', () => {
    expect(of(policy(`${GOOD.en} 12 extra flights are planned.`), 'policy.fact-mismatch')).toEqual([]);
    expect(of(policy(`${GOOD.en} 10 extra flights are planned.`), 'policy.fact-mismatch').map((f) => f.message.params?.expected)).toEqual(['12']);
    expect(of(policy(`${GOOD.en} 21 extra flights are planned.`), 'policy.fact-mismatch').map((f) => f.message.params?.found)).toEqual(['21']);
    expect(of(policy(`${GOOD.ru} Запланировано 10 дополнительных рейсов.`, 'ru'), 'policy.fact-mismatch')).toHaveLength(1);
    expect(of(policy(`${GOOD.uk} Заплановано 10 додаткових рейсів.`, 'uk'), 'policy.fact-mismatch')).toHaveLength(1);
    expect(policy(`${GOOD.en} Allow 10 minutes at gate 3; the 2nd terminal is open 24/7.`)).toEqual([]);
  });

  it('leaves a count far from any verified one alone', () => {
    expect(policy(`${GOOD.en} 200,000 people live in Petrosa.`)).toEqual([]);
  });
});

describe('facts: links', () => {
  it('takes the verified link with or without a trailing slash, scheme or "www."', () => {
    for (const written of ['https://mfa.azuria.example/travel/', 'https://www.mfa.azuria.example/travel', 'mfa.azuria.example/travel']) {
      expect(policy(`${GOOD.en} Advice: ${written}`), written).toEqual([]);
    }
  });

  it('names the verified link for another page of its site or a misspelt host', () => {
    const text = `${GOOD.en} Advice: https://mfa.azuria.example/travels`;
    const [finding] = of(policy(text), 'policy.fact-mismatch');
    expect(finding!.message).toEqual({
      key: 'policy.fact-mismatch.url',
      params: { label: 'Travel advice', found: 'https://mfa.azuria.example/travels', expected: 'https://mfa.azuria.example/travel' },
    });
    expect(of(policy(`${GOOD.ru} Советы: https://mfa.azuira.example/travel`, 'ru'), 'policy.fact-mismatch').map((f) => f.message.params?.label)).toEqual([
      'Рекомендации путешественникам',
    ]);
  });

  it('warns about a link to another site', () => {
    expect(of(policy(`${GOOD.uk} Новини: https://news.veland.example/flights`, 'uk'), 'policy.fact-unverified').map((f) => f.message.key)).toEqual([
      'policy.fact-unverified.url',
    ]);
  });
});

describe('facts: names', () => {
  it('knows the name in its inflected forms (en, ru, uk)', () => {
    expect(policy(`${GOOD.en} Consul Anna Petrova's team is at the airport.`)).toEqual([]);
    expect(policy(`${GOOD.ru} С консулом Анной Петровой можно связаться по телефону.`, 'ru')).toEqual([]);
    expect(policy(`${GOOD.uk} Із консулом Анною Петровою можна зв’язатися телефоном.`, 'uk')).toEqual([]);
  });

  it('names the verified name for a misspelt one', () => {
    const en = `${GOOD.en} Consul Anna Petrovna is at the airport.`;
    const [finding] = of(policy(en), 'policy.fact-mismatch');
    expect(spans(en, [finding!])).toEqual(['Petrovna']);
    expect(finding!.message).toEqual({ key: 'policy.fact-mismatch.name', params: { label: 'Consul', found: 'Petrovna', expected: 'Anna Petrova' } });
    expect(finding!.suggestion).toEqual({ replacement: 'Petrova' });
    expect(of(policy(`${GOOD.ru} Консул Анна Петрава в аэропорту.`, 'ru'), 'policy.fact-mismatch').map((f) => f.message.params?.expected)).toEqual([
      'Анна Петрова',
    ]);
  });

  it('does not take another name the scenario uses for a misspelt one', () => {
    expect(policy(`${GOOD.en} Buses leave from Petrosa.`)).toEqual([]);
  });
});

describe('policy.fact-missing', () => {
  it('names each required fact the draft does not give, in the play language, without a span', () => {
    const findings = of(policy('Call our hotline and register. #AzuriaHelps'), 'policy.fact-missing');
    expect(findings).toEqual([
      {
        ruleId: 'policy.fact-missing',
        message: { key: 'policy.fact-missing.absent', params: { label: 'Consular hotline', value: '+99 21 555 0147' } },
        suggestion: { message: { key: 'policy.fact-missing.suggestion', params: { value: '+99 21 555 0147' } } },
      },
      {
        ruleId: 'policy.fact-missing',
        message: { key: 'policy.fact-missing.absent', params: { label: 'Flights resume', value: '14 June 2026' } },
        suggestion: { message: { key: 'policy.fact-missing.suggestion', params: { value: '14 June 2026' } } },
      },
    ]);
    const ru = of(policy('Звоните на горячую линию и зарегистрируйтесь. #AzuriaHelps', 'ru'), 'policy.fact-missing');
    expect(ru.map((f) => f.message.params?.value)).toEqual(['+99 21 555 0147', '14 июня 2026\u00a0г.']);
  });

  it('counts a text fact as given when most of its words are there', () => {
    expect(of(policy('Аеропорт Coral Bay закрито. Візьміть із собою паспорт і посадковий талон.', 'uk', 'dm'), 'policy.fact-missing')).toEqual([]);
    expect(of(policy('Аеропорт Coral Bay закрито. Чекайте на новини.', 'uk', 'dm'), 'policy.fact-missing').map((f) => f.message.params?.label)).toEqual([
      'Що взяти з собою',
    ]);
  });
});

describe('severity, alternatives and stated facts (pack format additions)', () => {
  const withPolicy = (policy: Record<string, unknown>, facts: unknown[] = SCENARIO_SOURCE.facts) =>
    schema.parse({ ...SCENARIO_SOURCE, facts, policy: { ...SCENARIO_SOURCE.policy, ...policy } });

  it('covers a key message by an alternative wording said in other words and order', () => {
    const scenario = withPolicy({
      keyMessages: [
        {
          id: 'hotline',
          wording: L('Call the consular hotline for help.', 'Звоните на горячую линию.', 'Телефонуйте на гарячу лінію.'),
          alternatives: { en: ['our consular staff answer the phone day and night'] },
        },
        SCENARIO_SOURCE.policy.keyMessages[1]!,
      ],
    });
    const text = 'Day and night, consular staff answer the phone: +99 21 555 0147. Register with the embassy. 14 June #AzuriaHelps';
    expect(of(policy(text, 'en', 'post', scenario), 'policy.key-message-missing')).toEqual([]);
    expect(of(policy('Register with the embassy. +99 21 555 0147, 14 June #AzuriaHelps', 'en', 'post', scenario), 'policy.key-message-missing')).toHaveLength(
      1,
    );
  });

  it('covers a key message when its fact is stated', () => {
    const scenario = withPolicy({
      keyMessages: [
        { id: 'hotline', wording: L('Call the consular hotline.', 'Звоните на горячую линию.', 'Телефонуйте на гарячу лінію.'), coveredByFact: 'hotline' },
        SCENARIO_SOURCE.policy.keyMessages[1]!,
      ],
    });
    expect(of(policy('Call +99 21 555 0147. Register with the embassy. 14 June #AzuriaHelps', 'en', 'post', scenario), 'policy.key-message-missing')).toEqual(
      [],
    );
  });

  it('gives red lines, facts and terms the severity the pack sets', () => {
    const scenario = withPolicy({
      redLines: [{ id: 'promise', description: L('No promises.', 'Без обещаний.', 'Без обіцянок.'), phrases: { en: ['we will pay'] }, severity: 'minor' }],
      terminology: [
        {
          id: 'evacuation',
          preferred: L('evacuation flight', 'вывозной рейс', 'евакуаційний рейс'),
          deprecated: { en: ['rescue flight'] },
          severity: 'critical',
        },
      ],
    });
    const findings = policy(`${GOOD.en} We will pay for the rescue flight.`, 'en', 'post', scenario);
    expect(of(findings, 'policy.red-line').map((f) => f.severity)).toEqual(['minor']);
    expect(of(findings, 'policy.deprecated-term').map((f) => f.severity)).toEqual(['critical']);
    expect(of(policy(`${GOOD.en} Call +99 21 555 0148.`), 'policy.fact-mismatch').map((f) => f.severity)).toEqual(['major']);
  });

  it('does not take a negated or rebutted red-line phrase for a breach, but a forbidden name even when denied', () => {
    expect(of(policy(`${GOOD.en} Compensation is not guaranteed, and we will not pay for tickets.`), 'policy.red-line')).toEqual([]);
    expect(of(policy(`${GOOD.en} Posts saying "we will pay" for tickets are fake.`), 'policy.red-line')).toEqual([]);
    const named = withPolicy({
      redLines: [{ id: 'party', description: L('Name no party.', 'Не называть партии.', 'Не називати партій.'), phrases: { en: ['Unity Party'] } }],
    });
    expect(of(policy(`${GOOD.en} We do not support the Unity Party.`, 'en', 'post', named), 'policy.red-line')).toHaveLength(1);
  });

  it('finds a red line named as a concept, in other words than any phrase', () => {
    const scenario = withPolicy({
      redLines: [
        { id: 'data', description: L('Never ask for personal data.', 'Не запрашивать данные.', 'Не запитувати дані.'), concepts: ['personal-data-request'] },
      ],
    });
    expect(of(policy(`${GOOD.en} Send us your passport number to register.`, 'en', 'post', scenario), 'policy.red-line')).toHaveLength(1);
    expect(of(policy(`${GOOD.en} We never ask for your passport number.`, 'en', 'post', scenario), 'policy.red-line')).toEqual([]);
    expect(of(policy(`${GOOD.ru} Пришлите номер паспорта и данные карты.`, 'ru', 'post', scenario), 'policy.red-line')).toHaveLength(1);
  });

  it('says a pile of unapproved hashtags once', () => {
    const findings = of(policy(`${GOOD.en} #one #two #three #four`), 'policy.hashtag-unapproved');
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toMatchObject({ key: 'policy.hashtag-unapproved-pile', params: { count: 4 } });
  });

  it('names both verified dates when a wrong one is equally near to each, and offers neither', () => {
    const facts = [...SCENARIO_SOURCE.facts, { id: 'last', type: 'date', label: L('Last flight', 'Последний рейс', 'Останній рейс'), value: '2026-06-16' }];
    const scenario = withPolicy({}, facts);
    const [finding, ...rest] = of(policy(`${GOOD.en} Another flight leaves on 15 June.`, 'en', 'post', scenario), 'policy.fact-mismatch');
    expect(rest).toEqual([]);
    expect(finding!.message.key).toBe('policy.fact-mismatch.ambiguous');
    expect(finding!.suggestion).toBeUndefined();
  });
});

describe('a required fact given wrongly, however far off', () => {
  it('is a wrong fact, not a missing one beside an unverified value', () => {
    const findings = policy('Flights resume on 28 June. Call our hotline +99 21 555 0147 and register with the embassy. #AzuriaHelps');
    expect(of(findings, 'policy.fact-missing')).toEqual([]);
    expect(of(findings, 'policy.fact-unverified')).toEqual([]);
    const [mismatch] = of(findings, 'policy.fact-mismatch');
    expect(mismatch).toMatchObject({ message: { key: 'policy.fact-mismatch.date' }, severity: 'major' });
  });
});

describe('red-line phrases said in another order', () => {
  it('are found within one clause, and not when negated between their words', () => {
    const scenario = schema.parse({
      ...SCENARIO_SOURCE,
      policy: {
        ...SCENARIO_SOURCE.policy,
        redLines: [{ id: 'entry', description: L('Never promise entry.', 'Не обещать въезд.', 'Не обіцяти в’їзд.'), phrases: { en: ['entry is guaranteed'] } }],
      },
    });
    expect(of(policy(`${GOOD.en} We guarantee your entry.`, 'en', 'post', scenario), 'policy.red-line')).toHaveLength(1);
    expect(of(policy(`${GOOD.en} Entry, as always, is decided at the border; nothing is guaranteed.`, 'en', 'post', scenario), 'policy.red-line')).toEqual([]);
    expect(of(policy(`${GOOD.en} Entry is not guaranteed.`, 'en', 'post', scenario), 'policy.red-line')).toEqual([]);
  });
});

describe('a required count given wrongly, however far off', () => {
  it('is a wrong figure when the draft says what it counts', () => {
    const scenario = schema.parse({
      ...SCENARIO_SOURCE,
      tasks: SCENARIO_SOURCE.tasks.map((task, i) =>
        i === 0 ? { ...task, requires: { ...task.requires, facts: [...task.requires.facts, 'registered'] } } : task,
      ),
    });
    const [finding] = of(policy(`${GOOD.en} 2,000 citizens are registered with us.`, 'en', 'post', scenario), 'policy.fact-mismatch');
    expect(finding).toMatchObject({ message: { key: 'policy.fact-mismatch.number' }, suggestion: { replacement: '20,000' } });
  });
});

describe('facts and messages in other forms', () => {
  it('takes "до 14.06" for the verified date, not a clock time', () => {
    const findings = policy('Рейсы возобновятся до 14.06. Звоните на горячую линию +99 21 555 0147 и зарегистрируйтесь в посольстве. #AzuriaHelps', 'ru');
    expect(of(findings, 'policy.fact-missing')).toEqual([]);
    expect(of(findings, 'policy.fact-unverified')).toEqual([]);
  });

  it('covers a key message said with synonyms of its words', () => {
    const scenario = schema.parse({
      ...SCENARIO_SOURCE,
      policy: {
        ...SCENARIO_SOURCE.policy,
        keyMessages: [
          {
            id: 'hotline',
            wording: L(
              'The letter is a fake; the embassy did not publish it.',
              'Письмо — фейк; посольство его не публиковало.',
              'Лист — фейк; посольство його не публікувало.',
            ),
            keywords: { en: ['fake'] },
          },
          SCENARIO_SOURCE.policy.keyMessages[1],
        ],
      },
    });
    const text = 'Это письмо — подделка, посольство его не выпускало. Зарегистрируйтесь в посольстве. +99 21 555 0147, 14 июня #AzuriaHelps';
    expect(of(policy(text, 'ru', 'post', scenario), 'policy.key-message-missing')).toEqual([]);
  });
});

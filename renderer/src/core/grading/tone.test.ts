import { describe, expect, it } from 'vitest';
import { MINIMAL_PACK_DIR, readFolder } from '../../test/packs';
import { loadPack } from '../pack/load';
import type { Scenario } from '../pack/schema';
import { analyseDraft, createGradingContext } from './grade';
import { toneRules } from './tone';

const base = loadPack(readFolder(MINIMAL_PACK_DIR), { appVersion: '0.1.0' }).pack!.scenarios[0]!;

function toneOf(text: string, language: string, options: { target?: Scenario['policy']['tone']['target']; kind?: Scenario['kind'] } = {}) {
  const scenario: Scenario = { ...base, kind: options.kind ?? base.kind, policy: { ...base.policy, tone: { target: options.target ?? 'calm-firm' } } };
  const context = createGradingContext({ scenario, task: 'publish-hotline', playLanguage: language });
  return toneRules(analyseDraft(text, context), context).map((finding) => ({
    ...finding,
    found: finding.span ? text.slice(finding.span.start, finding.span.end) : '',
  }));
}

const rules = (text: string, language: string, options?: Parameters<typeof toneOf>[2]) => toneOf(text, language, options).map((f) => f.ruleId);

describe('tone.insult', () => {
  it.each([
    ['These idiots have no idea what they are talking about.', 'en', 'idiots'],
    ['Эти идиоты не понимают, о чём пишут.', 'ru', 'идиоты'],
    ['Не слушайте этих идиотов.', 'ru', 'идиотов'],
    ['Ці ідіоти не розуміють, про що пишуть.', 'uk', 'ідіоти'],
  ])('finds insults, inflected too: %s', (text, language, word) => {
    expect(toneOf(text, language).find((f) => f.ruleId === 'tone.insult')?.found).toBe(word);
  });
});

describe('tone.blame', () => {
  it.each([
    ['This is propaganda spread by so-called experts.', 'en'],
    ['Это очередная провокация, а авторы — провокаторы.', 'ru'],
    ['Це брехня і пропаганда.', 'uk'],
  ])('finds labels: %s', (text, language) => {
    expect(rules(text, language)).toContain('tone.blame');
  });

  it('does not take "visa regime" for a label', () => {
    expect(rules('The visa-free regime applies from 1 July.', 'en')).not.toContain('tone.blame');
    expect(rules('Безвизовый режим действует с 1 июля.', 'ru')).not.toContain('tone.blame');
  });
});

describe('tone.sarcasm', () => {
  it.each([
    ['Oh sure, because we have nothing better to do.', 'en'],
    ['Ну конечно, посольство ничего не делает.', 'ru'],
    ['Ну звісно, посольство нічого не робить.', 'uk'],
  ])('finds sarcasm markers: %s', (text, language) => {
    expect(rules(text, language)).toContain('tone.sarcasm');
  });

  it('finds the reader’s motive held against them in a concession', () => {
    expect(rules('However much you would like a scandal, we do not name the detained.', 'en')).toContain('tone.sarcasm');
    expect(rules('Имена мы не называем, как бы вам ни хотелось сенсации.', 'ru')).toContain('tone.sarcasm');
    expect(rules('Імен ми не називаємо, як би вам не хотілося сенсації.', 'uk')).toContain('tone.sarcasm');
    expect(rules('You can call the hotline as often as you would like.', 'en')).not.toContain('tone.sarcasm');
  });

  it('finds scare quotes, but not service names in quotation marks', () => {
    expect(rules('Our "friends" in the press got it wrong again.', 'en')).toContain('tone.sarcasm');
    expect(rules('Звоните на «горячую линию» посольства.', 'ru')).not.toContain('tone.sarcasm');
  });
});

describe('tone.shouting', () => {
  it('finds words in capitals and stacked marks, in Cyrillic too', () => {
    expect(toneOf('Please DO NOT TRAVEL to the airport!!!', 'en').map((f) => f.found)).toEqual(expect.arrayContaining(['NOT TRAVEL', '!!!']));
    expect(rules('НЕ ЕДЬТЕ В АЭРОПОРТ.', 'ru')).toContain('tone.shouting');
    expect(rules('НЕ ЇДЬТЕ ДО АЕРОПОРТУ.', 'uk')).toContain('tone.shouting');
  });

  it('finds a negation or an alarm call raised in capitals, however short, but not the same word in lower case', () => {
    expect(toneOf('We do NOT ask for your passport number.', 'en').map((f) => f.found)).toContain('NOT');
    expect(toneOf('ВНИМАНИЕ! Посольство НЕ просит ваш номер паспорта.', 'ru').map((f) => f.found)).toEqual(expect.arrayContaining(['ВНИМАНИЕ', 'НЕ']));
    expect(toneOf('УВАГА! Посольство НЕ просить номер паспорта.', 'uk').map((f) => f.found)).toEqual(expect.arrayContaining(['УВАГА', 'НЕ']));
    expect(rules('We do not ask for your passport number. Attention: the office is closed.', 'en')).not.toContain('tone.shouting');
    expect(rules('Посольство не просит ваш номер паспорта.', 'ru')).not.toContain('tone.shouting');
  });

  it('leaves abbreviations, hashtags and links alone', () => {
    expect(rules('The MFA and the EU SMS service: https://MFA.example/PAGE #AZURIA', 'en')).not.toContain('tone.shouting');
    expect(rules('МИД и ООН сообщают.', 'ru')).not.toContain('tone.shouting');
  });
});

describe('tone.register', () => {
  it('finds slang in any register, and emoji where the target is not warm', () => {
    expect(rules('Guys, the hotline is open, lol.', 'en')).toContain('tone.register');
    expect(rules('Чуваки, горячая линия работает.', 'ru')).toContain('tone.register');
    expect(rules('The hotline is open 🙏', 'en', { target: 'empathetic' })).toContain('tone.register');
    expect(rules('Welcome to the festival 🎬', 'en', { target: 'warm' })).not.toContain('tone.register');
  });
});

describe('tone.evaluative', () => {
  it('applies only where the tone target is neutral', () => {
    expect(rules('The talks were constructive and productive.', 'en', { target: 'neutral' })).toContain('tone.evaluative');
    expect(rules('Переговоры прошли конструктивно.', 'ru', { target: 'neutral' })).toContain('tone.evaluative');
    expect(rules('Переговори були конструктивними.', 'uk', { target: 'neutral' })).toContain('tone.evaluative');
    expect(rules('The talks were constructive.', 'en', { target: 'warm' })).not.toContain('tone.evaluative');
  });
});

describe('tone.panic', () => {
  it('finds alarm and speculation in a crisis, inflected too', () => {
    expect(rules('The situation is chaos and it may get worse.', 'en', { kind: 'crisis' })).toContain('tone.panic');
    expect(rules('Ситуация обернулась катастрофой.', 'ru', { kind: 'crisis' })).toContain('tone.panic');
    expect(rules('Це справжня катастрофа.', 'uk', { kind: 'crisis' })).toContain('tone.panic');
  });

  it('does not take reassurance or factual terms for panic', () => {
    expect(rules("Don't panic: the hotline is open.", 'en', { kind: 'crisis' })).not.toContain('tone.panic');
    expect(rules('Без паники: горячая линия работает.', 'ru', { kind: 'crisis' })).not.toContain('tone.panic');
    expect(rules('After the natural disaster, the consulate is open.', 'en', { kind: 'crisis' })).not.toContain('tone.panic');
    expect(rules('После стихийного бедствия консульство работает.', 'ru', { kind: 'crisis' })).not.toContain('tone.panic');
  });
});

describe('tone.condescension', () => {
  it.each([
    ['Obviously, the rules were published long ago.', 'en'],
    ['Очевидно, правила опубликованы давно.', 'ru'],
    ['Як усім відомо, правила опубліковано давно.', 'uk'],
  ])('finds talking down: %s', (text, language) => {
    expect(rules(text, language)).toContain('tone.condescension');
  });
});

describe('tone.empathy-missing', () => {
  const cold = 'All flights are suspended. The airport remains closed until further notice from the authorities.';
  it('fires only for an empathetic target with no sign of empathy, reassurance or next step', () => {
    expect(rules(cold, 'en', { target: 'empathetic' })).toContain('tone.empathy-missing');
    expect(rules(`We understand your worry. ${cold}`, 'en', { target: 'empathetic' })).not.toContain('tone.empathy-missing');
    expect(rules('Мы понимаем вашу тревогу. Рейсы приостановлены, дополнительные рейсы — с 13 июля.', 'ru', { target: 'empathetic' })).not.toContain(
      'tone.empathy-missing',
    );
    expect(rules('Ми розуміємо вашу тривогу. Рейси призупинено, додаткові рейси — з 13 липня.', 'uk', { target: 'empathetic' })).not.toContain(
      'tone.empathy-missing',
    );
    expect(rules(cold, 'en', { target: 'formal' })).not.toContain('tone.empathy-missing');
  });
});

describe('a calm, professional draft', () => {
  it.each([
    ['We understand your concern. The consular hotline +99 123 456 789 is open around the clock; please call us.', 'en'],
    ['Мы понимаем ваше беспокойство. Горячая линия +99 123 456 789 работает круглосуточно, пожалуйста, звоните.', 'ru'],
    ['Ми розуміємо ваше занепокоєння. Гаряча лінія +99 123 456 789 працює цілодобово, будь ласка, телефонуйте.', 'uk'],
  ])('has no tone findings: %s', (text, language) => {
    expect(toneOf(text, language, { target: 'empathetic', kind: 'crisis' })).toEqual([]);
  });
});

describe('tone read by clause', () => {
  const messages = (text: string, language: string) => toneOf(text, language).map((f) => f.message.key);

  it.each([
    ['Did you even read our post before writing this?', 'en', 'tone.sarcasm-rhetorical-question'],
    ['Вы вообще читали наш пост?', 'ru', 'tone.sarcasm-rhetorical-question'],
    ['Ви взагалі читали наш допис?', 'uk', 'tone.sarcasm-rhetorical-question'],
    ['The ministry has once again shown its talent for delays.', 'en', 'tone.sarcasm-once-again'],
    ['Министерство в очередной раз показало свой талант.', 'ru', 'tone.sarcasm-once-again'],
    ['Thank you for your valuable opinion, we will file it.', 'en', 'tone.sarcasm-mock-praise'],
    ['Дякуємо за цінну думку, врахуємо.', 'uk', 'tone.sarcasm-mock-praise'],
  ])('hears sarcasm without a rude word: %s', (text, language, key) => {
    expect(messages(text, language)).toContain(key);
  });

  it.each([
    ['Do you need help with your application? Call +99 123 456 789.', 'en'],
    ['Вам нужна помощь с документами? Звоните на горячую линию.', 'ru'],
    ['Once again, the hotline is open around the clock.', 'en'],
  ])('leaves ordinary questions and reminders alone: %s', (text, language) => {
    expect(rules(text, language)).not.toContain('tone.sarcasm');
  });

  it('calls "ты" and diminutives what they are, and offers no word-for-word fix that would break the verb', () => {
    const familiar = toneOf('Если ты застрял в аэропорту, звони нам.', 'ru').find((f) => f.message.key === 'tone.register-familiar')!;
    expect(familiar.found).toBe('ты');
    expect(familiar.suggestion).toEqual({ message: { key: 'tone.register-familiar-advice', params: { polite: 'вы' } } });
    expect(messages('Візьміть документики і приходьте.', 'uk')).toContain('tone.register-diminutive');
    expect(messages('Если вы застряли в аэропорту, звоните нам.', 'ru')).toEqual([]);
  });

  it('does not take the quoted title of a forged letter, or a rebutted claim, for irony', () => {
    expect(rules('The letter «on deportation of citizens» is a forgery.', 'en')).not.toContain('tone.sarcasm');
    expect(rules('Claims of "mass deportations" are false.', 'en')).not.toContain('tone.sarcasm');
    expect(rules('Our "experts" will look into it.', 'en')).toContain('tone.sarcasm');
    expect(rules('В обсуждениях звучат версии о «кестрийских хакерах».', 'ru')).not.toContain('tone.sarcasm');
  });

  it('hears lecturing and blame without a listed verb', () => {
    expect(rules('Болельщики, сколько можно повторять: не ходите туда.', 'ru')).toContain('tone.condescension');
    expect(rules('The rescue services came far too late.', 'en')).toContain('tone.blame');
  });
});

describe('whose words carry the alarm', () => {
  it('does not take a quoted or rebutted rumour, or a negated alarm, for the author’s panic', () => {
    expect(rules('В соцсетях пишут о «десятках погибших». Эти сведения не исходят из официальных источников.', 'ru', { kind: 'crisis' })).not.toContain(
      'tone.panic',
    );
    expect(rules('Please do not repost unconfirmed reports.', 'en', { kind: 'crisis' })).not.toContain('tone.panic');
    expect(rules('There are unconfirmed reports of dozens dead.', 'en', { kind: 'crisis' })).toContain('tone.panic');
  });
});

describe('tone.warmth-missing and tone.reply-unaddressed', () => {
  const warm = (text: string, language: string, kind: 'post' | 'reply') => {
    const scenario: Scenario = { ...base, policy: { ...base.policy, tone: { target: 'warm' } } };
    const task = { ...base.tasks[0]!, kind };
    const context = createGradingContext({ scenario, task, playLanguage: language });
    return toneRules(analyseDraft(text, context), context).map((finding) => finding.ruleId);
  };
  const notice = 'The hotline +99 123 456 789 is open around the clock for all citizens in the region.';

  it('finds a warm post that greets, thanks, welcomes or invites nobody', () => {
    expect(warm(notice, 'en', 'post')).toContain('tone.warmth-missing');
    expect(warm('Горячая линия +99 123 456 789 работает круглосуточно для всех граждан в регионе.', 'ru', 'post')).toContain('tone.warmth-missing');
    expect(warm('Гаряча лінія +99 123 456 789 працює цілодобово для всіх громадян у регіоні.', 'uk', 'post')).toContain('tone.warmth-missing');
  });

  it('is satisfied by a greeting, thanks, an invitation or an exclamation', () => {
    expect(warm(`Welcome to our page! ${notice}`, 'en', 'post')).toEqual([]);
    expect(warm(`Thank you for following us. ${notice}`, 'en', 'post')).toEqual([]);
    expect(warm('Рады сообщить: горячая линия +99 123 456 789 работает круглосуточно для всех граждан.', 'ru', 'post')).toEqual([]);
    expect(warm('Запрошуємо всіх: гаряча лінія +99 123 456 789 працює цілодобово для всіх громадян.', 'uk', 'post')).toEqual([]);
    expect(rules(notice, 'en', { target: 'calm-firm' })).not.toContain('tone.warmth-missing');
  });

  it('in a reply, tells an answer that names the person from a notice pinned under their question', () => {
    expect(warm(notice, 'en', 'reply')).toEqual(['tone.reply-unaddressed']);
    expect(warm(`Ana, ${notice.charAt(0).toLowerCase()}${notice.slice(1)}`, 'en', 'reply')).toEqual(['tone.warmth-missing']);
    expect(warm(`Good question, Ana. ${notice}`, 'en', 'reply')).toEqual(['tone.warmth-missing']);
    expect(warm(`Thank you for asking, Ana. ${notice}`, 'en', 'reply')).toEqual([]);
    // Named in passing is not addressed.
    expect(warm(`${notice} Ana Reporter wrote about it too.`, 'en', 'reply')).toEqual(['tone.reply-unaddressed']);
  });
});

describe('"for the last time" and "last updated"', () => {
  it.each([
    ['Рекомендації востаннє оновлено 2 лютого.', 'uk'],
    ['Рекомендации в последний раз обновлялись 2 февраля.', 'ru'],
  ])('a date of the last update talks down to no one: %s', (text, language) => {
    expect(rules(text, language)).not.toContain('tone.condescension');
  });
  it.each([
    ['Востаннє пояснюємо: візу оформлюють лише онлайн.', 'uk'],
    ['В последний раз объясняем: визу оформляют только онлайн.', 'ru'],
  ])('said to the reader, it does: %s', (text, language) => {
    expect(rules(text, language)).toContain('tone.condescension');
  });
});

describe('deflecting blame', () => {
  it.each([
    ['Our statement was delayed by the approval process, which is not our fault.', 'en'],
    ['Задержка с публикацией — не наша вина: так работает согласование.', 'ru'],
    ['Затримка з публікацією сталася не з нашої вини.', 'uk'],
  ])('is blame, whoever it falls on: %s', (text, language) => {
    expect(rules(text, language)).toContain('tone.blame');
  });
  it.each([
    ['Many travellers are stranded through no fault of their own; we are here to help.', 'en'],
    ['Ніхто не винен у виверженні вулкана; ми допомагаємо всім повернутися додому.', 'uk'],
  ])('but sympathy with people who are not at fault is not: %s', (text, language) => {
    expect(rules(text, language)).not.toContain('tone.blame');
  });
});

// Each concept of the built-in red-line library is tested by fixtures beside it: sentences that
// cross the line and sentences that only look like they do, in every language it covers.
import { describe, expect, it } from 'vitest';
import type { RedLineConcept } from '../pack/schema';
import { RED_LINE_CONCEPTS } from '../pack/schema';
import { CONCEPTS, findConcepts } from './concepts';
import { reportedSpans } from './scope';
import { tokenize } from './text';

interface Fixture {
  language: 'en' | 'ru' | 'uk';
  crosses: string[];
  respects: string[];
  reply?: boolean;
}

const FIXTURES: Record<RedLineConcept, Fixture[]> = {
  'personal-data-request': [
    {
      language: 'en',
      crosses: [
        'To register, send us your passport number and card details.',
        'Please reply here with your full name and passport number.',
        'If you send us a copy of your diploma in a private message, we will tell you your chances.',
      ],
      respects: ['We never ask for your passport number or card details.', 'Do not share your card details with anyone.'],
    },
    {
      language: 'ru',
      crosses: ['Для регистрации пришлите номер паспорта и данные карты.'],
      respects: ['Посольство никогда не запрашивает данные банковских карт.', 'Не сообщайте никому номер паспорта.'],
    },
    { language: 'uk', crosses: ['Надішліть нам номер паспорта та дані картки.'], respects: ['Посольство ніколи не просить надсилати дані картки.'] },
  ],
  'private-details': [
    {
      language: 'en',
      crosses: ['He is in intensive care with a spinal fracture.', 'He is in good health and receiving his medication.'],
      respects: ['At the family’s request we will not share details of his condition.', 'Our consul visited him today.'],
    },
    {
      language: 'ru',
      crosses: ['Он находится в реанимации с переломом позвоночника.'],
      respects: ['По просьбе семьи мы не сообщаем подробностей о его состоянии.'],
    },
    { language: 'uk', crosses: ['Він у реанімації, лікарі провели операцію на хребті.'], respects: ['На прохання родини ми не розголошуємо подробиць.'] },
  ],
  'cause-speculation': [
    {
      language: 'en',
      crosses: [
        'The driver probably fell asleep at the wheel.',
        'The crash was caused by a brake failure.',
        'Foreign structures are behind the unauthorised access.',
      ],
      respects: ['The investigation will establish the cause of the crash.', 'It is too early to speak about what caused the accident.'],
    },
    {
      language: 'ru',
      crosses: ['Скорее всего, водитель не справился с управлением и авария произошла из-за скорости.'],
      respects: ['Причины аварии установит следствие.'],
    },
    { language: 'uk', crosses: ['Ймовірно, причиною аварії стала несправність гальм.'], respects: ['Причини аварії встановить слідство.'] },
  ],
  'prejudging-case': [
    {
      language: 'en',
      crosses: ['He is innocent and will be released soon.'],
      respects: ['It is for the court to decide; we respect the presumption of innocence.'],
    },
    { language: 'ru', crosses: ['Он невиновен, обвинения сфабрикованы.'], respects: ['Решение примет суд, существо дела мы не комментируем.'] },
    { language: 'uk', crosses: ['Він не винен, звинувачення надумані.'], respects: ['Рішення ухвалить суд, суті справи ми не коментуємо.'] },
  ],
  'host-criticism': [
    {
      language: 'en',
      crosses: ['The local police did nothing to help our citizens.', 'The rescue services came far too late.'],
      respects: ['We thank the local rescue services for their work.'],
    },
    { language: 'ru', crosses: ['Местные власти проявили полное бездействие.'], respects: ['Мы благодарны местным властям за помощь.'] },
    { language: 'uk', crosses: ['Місцева поліція діяла занадто пізно.'], respects: ['Дякуємо місцевій поліції за допомогу.'] },
  ],
  'compensation-promise': [
    {
      language: 'en',
      crosses: [
        'All families will receive full compensation.',
        'We guarantee that your tickets will be refunded.',
        'The embassy will cover the extra hotel nights.',
      ],
      respects: ['The embassy cannot promise compensation; insurers decide on payments.'],
    },
    {
      language: 'ru',
      crosses: ['Мы гарантируем компенсацию всем пострадавшим.'],
      respects: ['Посольство не может обещать выплаты: их решают страховые компании.'],
    },
    { language: 'uk', crosses: ['Усім постраждалим буде виплачено компенсацію.'], respects: ['Посольство не може обіцяти компенсацій.'] },
  ],
  'political-statement': [
    {
      language: 'en',
      crosses: ['Culture is our answer to their aggression and the sanctions.'],
      respects: ['This festival is about culture, not politics.', 'Join us for three days of music and dance.'],
    },
    { language: 'ru', crosses: ['Фестиваль — наш ответ на санкции.'], respects: ['Фестиваль — праздник культуры, вне политики.'] },
    { language: 'uk', crosses: ['Фестиваль — наша відповідь на агресію.'], respects: ['Фестиваль — свято культури, поза політикою.'] },
  ],
  'arguing-with-account': [
    {
      language: 'en',
      reply: true,
      crosses: ['@blogger, you are wrong and your claims are misleading.'],
      respects: ['Thank you for raising this. Online booking opens on 1 March.'],
    },
    { language: 'ru', reply: true, crosses: ['Вы ошибаетесь, ваши утверждения — ложь.'], respects: ['Спасибо за вопрос. Онлайн-запись открывается 1 марта.'] },
    {
      language: 'uk',
      reply: true,
      crosses: ['Ви помиляєтеся, ваші твердження маніпулятивні.'],
      respects: ['Дякуємо за питання. Онлайн-запис відкривається 1 березня.'],
    },
  ],
  'closed-talks-disclosure': [
    {
      language: 'en',
      crosses: [
        'The delegations discussed the border and agreed on prisoner exchanges.',
        'Yes, such a closed meeting is on the programme.',
        'Yes, such a meeting is on the programme, but we do not disclose its agenda.',
      ],
      respects: [
        'Talks continue tomorrow at 10:00. We do not comment on the content of closed sessions.',
        'The ministry does not comment on the participants or the content of closed sessions.',
        'We neither confirm nor deny reports of a closed meeting.',
      ],
    },
    { language: 'ru', crosses: ['Делегации обсудили вопрос границы.'], respects: ['Содержание закрытых заседаний мы не комментируем.'] },
    { language: 'uk', crosses: ['Делегації обговорили питання кордону.'], respects: ['Зміст закритих засідань ми не коментуємо.'] },
  ],
  'third-party-criticism': [
    { language: 'en', crosses: ['Unlike some neighbours, we keep our word.'], respects: ['We work with all our neighbours.'] },
    { language: 'ru', crosses: ['В отличие от некоторых соседей, мы держим слово.'], respects: ['Мы работаем со всеми соседями.'] },
    { language: 'uk', crosses: ['На відміну від деяких сусідів, ми тримаємо слово.'], respects: ['Ми працюємо з усіма сусідами.'] },
  ],
};

function crosses(concept: RedLineConcept, text: string, fixture: Fixture): boolean {
  const tokens = tokenize(text, fixture.language);
  const mentions = [...text.matchAll(/@\w+/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  return (
    findConcepts(text, tokens, fixture.language, [concept], {
      reply: fixture.reply ?? false,
      names: new Set(),
      mentions,
      reported: reportedSpans(text, tokens),
    }).length > 0
  );
}

describe('red-line concepts', () => {
  it('has fixtures for every concept in every language it covers', () => {
    for (const concept of RED_LINE_CONCEPTS) {
      expect(Object.keys(CONCEPTS[concept]).sort()).toEqual(['en', 'ru', 'uk']);
      expect(FIXTURES[concept].map((fixture) => fixture.language).sort()).toEqual(['en', 'ru', 'uk']);
    }
  });

  for (const concept of RED_LINE_CONCEPTS) {
    for (const fixture of FIXTURES[concept]) {
      it(`${concept} (${fixture.language}): crosses where it should, and only there`, () => {
        expect(fixture.crosses.filter((text) => !crosses(concept, text, fixture))).toEqual([]);
        expect(fixture.respects.filter((text) => crosses(concept, text, fixture))).toEqual([]);
      });
    }
  }
});

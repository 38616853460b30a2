import { describe, expect, it } from 'vitest';
import { extractFacts } from './facts';
import { findNumberWords } from './number-words';

const read = (text: string) => findNumberWords(text).map((found) => [text.slice(found.start, found.end), found.value, found.ordinal]);

describe('findNumberWords', () => {
  it('reads counts written in words in English, Russian and Ukrainian', () => {
    expect(read('Seven citizens were injured; twenty thousand tourists; two hundred and fifty people')).toEqual([
      ['Seven', 7, false],
      ['twenty thousand', 20000, false],
      ['two hundred and fifty', 250, false],
    ]);
    expect(read('Семеро граждан, двадцать пять тысяч туристов')).toEqual([
      ['Семеро', 7, false],
      ['двадцать пять тысяч', 25000, false],
    ]);
    expect(read('Двадцять тисяч туристів і п’ятеро постраждалих')).toEqual([
      ['Двадцять тисяч', 20000, false],
      ['п’ятеро', 5, false],
    ]);
  });

  it('reads ordinals as days, compounds included', () => {
    expect(read('пятнадцатого марта, двадцать первого мая')).toEqual([
      ['пятнадцатого', 15, true],
      ['двадцать первого', 21, true],
    ]);
    expect(read('on the twenty-first')).toEqual([['twenty-first', 21, true]]);
  });

  it('leaves lone words that usually mean something else', () => {
    expect(read('one of us, a second time, другого выхода нет')).toEqual([]);
  });
});

describe('facts written in words', () => {
  it('finds dates whose day is a word', () => {
    const dates = (text: string) => extractFacts(text).dates.map((date) => [date.text, date.value.day, date.value.month]);
    expect(dates('пятнадцатого марта')).toEqual([['пятнадцатого марта', 15, 3]]);
    expect(dates('з першого червня')).toEqual([['першого червня', 1, 6]]);
    expect(dates('on the fifteenth of March and March twenty-first')).toEqual([
      ['fifteenth of March', 15, 3],
      ['March twenty-first', 21, 3],
    ]);
  });

  it('finds clock times with a part of the day, in digits or words', () => {
    const times = (text: string) => extractFacts(text).times.map((time) => [time.text, time.value.hours]);
    expect(times('с 8 утра до 8 вечера')).toEqual([
      ['8 утра', 8],
      ['8 вечера', 20],
    ]);
    expect(times('в девять вечера')).toEqual([['девять вечера', 21]]);
    expect(times('at nine in the evening')).toEqual([['nine in the evening', 21]]);
    expect(times('з восьмої ранку до восьмої вечора')).toEqual([
      ['восьмої ранку', 8],
      ['восьмої вечора', 20],
    ]);
  });

  it('finds both hours of a range with the word for hours after it', () => {
    const times = (text: string) => extractFacts(text).times.map((time) => time.value.hours);
    expect(times('Мы отвечаем по будням с 9 до 18 часов.')).toEqual([9, 18]);
    expect(times('Працюємо з 9 до 18 години.')).toEqual([9, 18]);
  });

  it('finds counts in words, and not ordinals', () => {
    expect(extractFacts('Семеро граждан и двадцать пятого мая').numbers.map((n) => n.value)).toEqual([7]);
  });
});

describe('halves, quarters and minutes in words', () => {
  const times = (text: string) => extractFacts(text).times.map((time) => [time.text, time.value.hours, time.value.minutes]);
  it.each([
    ['at half past nine in the morning', 'half past nine in the morning'],
    ['в половине десятого утра', 'в половине десятого утра'],
    ['о пів на десяту ранку', 'о пів на десяту ранку'],
    ['в девять тридцать утра', 'девять тридцать утра'],
    ['at nine thirty', 'nine thirty'],
  ])('reads %s as 9:30', (text, span) => {
    expect(times(text)).toEqual([[span, 9, 30]]);
  });

  it('reads both days of a range in words', () => {
    const dates = (text: string) => extractFacts(text).dates.map((date) => [date.value.day, date.value.month]);
    expect(dates('on the fourteenth and fifteenth of August')).toEqual([
      [14, 8],
      [15, 8],
    ]);
    expect(dates('четырнадцатого и пятнадцатого августа')).toEqual([
      [14, 8],
      [15, 8],
    ]);
  });
});

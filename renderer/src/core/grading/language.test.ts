import { describe, expect, it } from 'vitest';
import { detectLanguage } from './language';

describe('detectLanguage', () => {
  it.each([
    ['Please stay calm: the consular hotline is open around the clock.', 'en'],
    ['Сохраняйте спокойствие: горячая линия консульства работает круглосуточно.', 'ru'],
    ['Зберігайте спокій: гаряча лінія консульства працює цілодобово.', 'uk'],
  ])('tells %s', (text, language) => {
    expect(detectLanguage(text)).toEqual({ language, reliable: true });
  });

  it('tells Russian from Ukrainian by letters only one of them has', () => {
    expect(detectLanguage('Дякуємо всім, хто допоміг').language).toBe('uk');
    expect(detectLanguage('Мы это обязательно выясним').language).toBe('ru');
  });

  it('says it cannot tell on very short texts', () => {
    expect(detectLanguage('ok!')).toEqual({ language: null, reliable: false });
  });

  it('ignores links, hashtags, mentions and numbers', () => {
    expect(detectLanguage('https://mfa.azuria.example/travel #VisaFree @embassy 2026 Спасибо всем за вопросы и внимание').language).toBe('ru');
  });

  it('detects other languages it does not grade', () => {
    expect(detectLanguage("L'ambassade reste ouverte et répond à toutes vos questions.").language).toBe('fr');
  });
});

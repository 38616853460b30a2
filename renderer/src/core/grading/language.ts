// Runtime: any (pure core). Which language a draft is written in. A real detector (eld, n-gram
// based) decides among the world's languages; between Russian and Ukrainian, which share most
// n-grams in short texts, the letters only one of them uses decide first.
import { eld } from 'eld/small';

export interface DetectedLanguage {
  language: string | null;
  /** False for texts too short or too mixed to tell. */
  reliable: boolean;
}

/** Fewer letters than this and no detector can tell a language reliably. */
const MIN_LETTERS = 12;
const NOT_PROSE = /https?:\/\/\S+|www\.\S+|[#@][\p{L}\p{N}_]+|\p{N}+/gu;
const UKRAINIAN_ONLY = /[іїєґ]/giu;
const RUSSIAN_ONLY = /[ыэъё]/giu;

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

export function detectLanguage(text: string): DetectedLanguage {
  const prose = text.replace(NOT_PROSE, ' ');
  const letters = count(prose, /\p{L}/gu);
  if (letters < MIN_LETTERS) return { language: null, reliable: false };
  const cyrillic = count(prose, /\p{Script=Cyrillic}/gu);
  const latin = count(prose, /\p{Script=Latin}/gu);

  if (cyrillic / letters >= 0.6) {
    const ukrainian = count(prose, UKRAINIAN_ONLY);
    const russian = count(prose, RUSSIAN_ONLY);
    if (ukrainian > 0 && russian === 0) return { language: 'uk', reliable: true };
    if (russian > 0 && ukrainian === 0) return { language: 'ru', reliable: true };
    const result = eld.detect(prose);
    if (result.language === 'ru' || result.language === 'uk') return { language: result.language, reliable: result.isReliable() };
    // Bulgarian, Serbian or Belarusian by n-grams: of the two we grade, take the closer.
    const scores = result.getScores();
    const closer = (scores.uk ?? 0) > (scores.ru ?? 0) ? 'uk' : 'ru';
    return { language: result.language || closer, reliable: false };
  }
  const result = eld.detect(prose);
  const mixed = cyrillic > 0 && latin > 0 && Math.min(cyrillic, latin) / letters > 0.25;
  return { language: result.language || null, reliable: result.isReliable() && !mixed };
}

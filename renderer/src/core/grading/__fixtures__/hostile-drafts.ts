// Runtime: any (pure core). Drafts a trainee could paste that once made the grader crawl: long
// runs of what URL, e-mail and number scanners try to extend (dots, hyphens, "www.", "a@b.",
// digits), mixed scripts, emoji, right-to-left text, combining marks, one giant word, and a pile of
// links, hashtags and mentions. Each is built to exactly `length` UTF-16 code units, deterministically,
// for the grader's tests and `npm run bench`.

/** `unit` repeated to exactly `length` code units, never ending on half a surrogate pair. */
function repeatTo(unit: string, length: number): string {
  const text = unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
  const last = text.charCodeAt(text.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? `${text.slice(0, -1)} ` : text;
}

export interface HostileDraft {
  name: string;
  text: string;
}

/** The hostile drafts, each `length` code units long (100,000 is what a careless paste gives). */
export function hostileDrafts(length = 100_000): HostileDraft[] {
  const cases: Array<[string, string]> = [
    ['dots', '.'],
    ['hyphens', '-'],
    ['www', 'www.'],
    ['e-mail-like', 'a@b.'],
    ['dotted words', 'a.'],
    ['hyphenated words', 'a-'],
    ['digits', '7'],
    ['digit groups', '12 345 '],
    ['dotted digits', '1.'],
    ['mixed scripts', 'Мы 我们 we نحن אנחנו हम '],
    ['emoji', '😀👍🏽👨‍👩‍👧 '],
    ['right-to-left', 'مرحبا بكم في الخط الساخن ‏'],
    ['combining marks', 'a\u0301\u0308\u0323'],
    ['giant word', 'abcdefghij'],
    ['links, hashtags and mentions', 'see https://example.org/a-b.c?d=1 #tag @someone www.example.com/x '],
    ['sentence', 'We understand your worry. Call +99 123 456 789 before 18:00 on 12 May. '],
  ];
  return cases.map(([name, unit]) => ({ name, text: repeatTo(unit, length) }));
}

// Runtime: renderer. How an inject is named in the play-test's lists: its id and the start of its
// text in the play language, so the author recognises it without opening the timeline.
import type { Inject } from '../../../core/pack/schema';
import { localized } from '../../../library/library';

const EXCERPT = 60;

export function injectLabel(inject: Inject, language: string): string {
  const text = localized(inject.text, language).replace(/\s+/g, ' ').trim();
  const excerpt =
    Array.from(text).length > EXCERPT
      ? `${Array.from(text)
          .slice(0, EXCERPT - 1)
          .join('')}…`
      : text;
  return excerpt ? `${inject.id} — “${excerpt}”` : inject.id;
}

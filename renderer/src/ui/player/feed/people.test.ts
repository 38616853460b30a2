// Runtime: Node (Vitest). What a feed item says as the feed, the inbox and the composer's reply
// target show it: pack text without its editor line breaks, the trainee's words exactly as written.
import { describe, expect, it } from 'vitest';
import type { FeedItem } from '../../../core/engine/timeline';
import type { Inject } from '../../../core/pack/schema';
import { itemText } from './people';

const WRAPPED = 'The embassy is open\nuntil noon.\n\nCall the hotline:\n• day and night';

describe('itemText', () => {
  it('unwraps an inject’s text in the play language', () => {
    const inject = { id: 'post-1', text: { en: WRAPPED, ru: 'Посольство\nоткрыто.' } } as unknown as Inject;
    const item: FeedItem = { source: 'inject', id: 'post-1', at: 0, inject };
    expect(itemText(item, 'en')).toBe('The embassy is open until noon.\n\nCall the hotline:\n• day and night');
    expect(itemText(item, 'ru')).toBe('Посольство открыто.');
  });

  it('unwraps an audience reply, which comes from the pack too', () => {
    const item: FeedItem = {
      source: 'audience',
      id: 'r-1',
      at: 3,
      accountId: 'x',
      replyTo: 'pub-1',
      personaId: null,
      author: { name: 'Ann Lee', handle: 'annlee' },
      mood: 'grateful',
      text: 'Thanks,\nnoted.',
    };
    expect(itemText(item, 'en')).toBe('Thanks, noted.');
  });

  it('keeps the trainee’s own line breaks', () => {
    const item = { source: 'trainee', id: 'pub-1', at: 2, accountId: 'x', kind: 'post', text: 'Stay calm.\nThe hotline is open.' } as unknown as FeedItem;
    expect(itemText(item, 'en')).toBe('Stay calm.\nThe hotline is open.');
  });
});

// Runtime: Node (Vitest). Hard-wrapped pack text read as prose, lists kept.
import { describe, expect, it } from 'vitest';
import { unwrapPackText } from './text';

describe('unwrapPackText', () => {
  it('joins the lines an author wrapped in the editor', () => {
    expect(unwrapPackText('About 20,000 of our citizens\nare in Coral Bay. Send a\nnotification.')).toBe(
      'About 20,000 of our citizens are in Coral Bay. Send a notification.',
    );
  });

  it('keeps paragraphs, list items and the line after a colon', () => {
    const text = 'What to do now:\nRegister for a seat.\n\nFacts\n• The rules start on 1 July.\n• The quota is 42,000 tonnes.\n1. One\n2) Two';
    expect(unwrapPackText(text)).toBe(
      'What to do now:\nRegister for a seat.\n\nFacts\n• The rules start on 1 July.\n• The quota is 42,000 tonnes.\n1. One\n2) Two',
    );
  });

  it('leaves a one-line text as it is, without stray spaces', () => {
    expect(unwrapPackText('  Is this true??  ')).toBe('Is this true??');
    expect(unwrapPackText('')).toBe('');
  });
});

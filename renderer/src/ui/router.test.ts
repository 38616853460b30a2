// Runtime: Node (Vitest). Screen addresses.
import { describe, expect, it } from 'vitest';
import { hrefFor, screenFromHash } from './router';

describe('router', () => {
  it('maps each screen to its address and back', () => {
    expect(hrefFor('home')).toBe('#/');
    expect(hrefFor('settings')).toBe('#/settings');
    expect(screenFromHash(hrefFor('home'))).toBe('home');
    expect(screenFromHash(hrefFor('settings'))).toBe('settings');
  });

  it.each(['', '#', '#/', '#/unknown', '#/home', '#settings-ish', '#/Settings'])('shows Home for %j', (hash) => {
    expect(screenFromHash(hash)).toBe('home');
  });

  it('ignores what follows the screen in the address', () => {
    expect(screenFromHash('#/settings/profile')).toBe('settings');
    expect(screenFromHash('#settings?tab=profile')).toBe('settings');
  });
});

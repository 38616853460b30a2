// Runtime: Node (Vitest). Screen addresses.
import { describe, expect, it } from 'vitest';
import type { Route } from './router';
import { hrefFor, routeFromHash } from './router';

describe('router', () => {
  it('maps each screen to its address and back', () => {
    expect(hrefFor('home')).toBe('#/');
    expect(hrefFor('settings')).toBe('#/settings');
    expect(hrefFor('studio')).toBe('#/studio');
    const routes: Route[] = [
      { screen: 'home' },
      { screen: 'catalogue' },
      { screen: 'history' },
      { screen: 'settings' },
      { screen: 'records' },
      { screen: 'studio' },
      { screen: 'briefing', packId: 'core-library', scenarioId: 'flights-suspended' },
      { screen: 'briefing', packId: 'pack/with slash', scenarioId: 'ünïcode' },
      { screen: 'player', attemptId: 12 },
      { screen: 'debrief', attemptId: 3 },
      { screen: 'outcome', uid: '0b7f3c1e-2a4d-4e5f-9a6b-7c8d9e0f1a2b' },
    ];
    for (const route of routes) expect(routeFromHash(hrefFor(route))).toEqual(route);
  });

  it.each(['', '#', '#/', '#/unknown', '#/home', '#settings-ish', '#/Settings', '#/Studio'])('shows Home for %j', (hash) => {
    expect(routeFromHash(hash)).toEqual({ screen: 'home' });
  });

  it('ignores what follows the screen in the address', () => {
    expect(routeFromHash('#/settings/profile')).toEqual({ screen: 'settings' });
    expect(routeFromHash('#settings?tab=profile')).toEqual({ screen: 'settings' });
    expect(routeFromHash('#/studio/anything')).toEqual({ screen: 'studio' });
  });

  it('sends a route with missing or bad parameters to the list it belongs to', () => {
    expect(routeFromHash('#/player/abc')).toEqual({ screen: 'history' });
    expect(routeFromHash('#/debrief/0')).toEqual({ screen: 'history' });
    expect(routeFromHash('#/briefing/core-library')).toEqual({ screen: 'catalogue' });
    expect(routeFromHash('#/briefing/%E0%A4%A/x')).toEqual({ screen: 'catalogue' });
    expect(routeFromHash('#/outcome')).toEqual({ screen: 'records' });
    expect(routeFromHash('#/outcome/%E0%A4%A')).toEqual({ screen: 'records' });
    expect(routeFromHash('#/outcome/a%20b')).toEqual({ screen: 'records' });
    expect(routeFromHash(`#/outcome/${'x'.repeat(129)}`)).toEqual({ screen: 'records' });
  });
});

// Runtime: renderer. The screens and their addresses. The screen lives in the URL's hash, so a reload
// keeps it and the app:// origin never navigates to another document.
import { useSyncExternalStore } from 'react';

export const SCREENS = ['home', 'settings'] as const;
export type Screen = (typeof SCREENS)[number];

export function hrefFor(screen: Screen): string {
  return screen === 'home' ? '#/' : `#/${screen}`;
}

/** Any address that is not a known screen shows Home. */
export function screenFromHash(hash: string): Screen {
  const path = hash.replace(/^#\/?/, '').split(/[?/]/)[0];
  return SCREENS.find((screen) => screen !== 'home' && screen === path) ?? 'home';
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useScreen(): Screen {
  return useSyncExternalStore(subscribe, () => screenFromHash(window.location.hash));
}

export function navigate(screen: Screen): void {
  window.location.hash = hrefFor(screen).slice(1);
}

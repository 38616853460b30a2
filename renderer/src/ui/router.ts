// Runtime: renderer. The screens and their addresses. The route lives in the URL's hash, so a reload
// keeps it (an attempt in progress reopens where it was) and the app:// origin never navigates away.
import { useSyncExternalStore } from 'react';

export type Route =
  | { screen: 'home' }
  | { screen: 'catalogue' }
  | { screen: 'history' }
  | { screen: 'settings' }
  | { screen: 'records' }
  /** The instructor studio (administrator mode): authoring, checking and publishing packs. */
  | { screen: 'studio' }
  | { screen: 'briefing'; packId: string; scenarioId: string }
  | { screen: 'player'; attemptId: number }
  | { screen: 'debrief'; attemptId: number }
  /** A frozen outcome of any trainee, read-only, by its uid (the attempt's, the same on every device). */
  | { screen: 'outcome'; uid: string };

/** Screens reached without parameters, e.g. from the navigation. */
export type SimpleScreen = 'home' | 'catalogue' | 'history' | 'settings' | 'records' | 'studio';

export function hrefFor(route: Route | SimpleScreen): string {
  const target: Route = typeof route === 'string' ? { screen: route } : route;
  switch (target.screen) {
    case 'home':
      return '#/';
    case 'briefing':
      return `#/briefing/${encodeURIComponent(target.packId)}/${encodeURIComponent(target.scenarioId)}`;
    case 'player':
    case 'debrief':
      return `#/${target.screen}/${target.attemptId}`;
    case 'outcome':
      return `#/outcome/${encodeURIComponent(target.uid)}`;
    default:
      return `#/${target.screen}`;
  }
}

const ID = /^[1-9]\d{0,14}$/;
/** Outcome uids are UUIDs where they are made; anything else that is short and plain is let through to say "no such record". */
const UID = /^[\w.-]{1,128}$/;

function decode(part: string | undefined): string | null {
  if (!part) return null;
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}

/** Any address that is not a known route shows Home. */
export function routeFromHash(hash: string): Route {
  const [path = ''] = hash.replace(/^#\/?/, '').split('?');
  const [head, first, second] = path.split('/');
  switch (head) {
    case 'catalogue':
    case 'history':
    case 'settings':
    case 'records':
    case 'studio':
      return { screen: head };
    case 'briefing': {
      const packId = decode(first);
      const scenarioId = decode(second);
      return packId && scenarioId ? { screen: 'briefing', packId, scenarioId } : { screen: 'catalogue' };
    }
    case 'player':
    case 'debrief':
      return first && ID.test(first) ? { screen: head, attemptId: Number(first) } : { screen: 'history' };
    case 'outcome': {
      const uid = decode(first);
      return uid && UID.test(uid) ? { screen: 'outcome', uid } : { screen: 'records' };
    }
    default:
      return { screen: 'home' };
  }
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  // Parsed per hash, so the same address always gives an equal route.
  return routeFromHash(hash);
}

export function navigate(route: Route | SimpleScreen): void {
  window.location.hash = hrefFor(route).slice(1);
}

// Runtime: renderer. Who wrote a feed item, whom it answers and what it says, as the feed shows them:
// a persona's name and handle in the play language, the trainee's own account for their publications,
// a generated member of the public by the name and handle the audience drew for them, and an
// anonymous member of the audience only for a reply recorded before replies had authors. The functions are pure;
// `usePeopleContext` is the one place a view builds what they look people up in.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { FeedItem } from '../../../core/engine/timeline';
import type { Account, Inject, Persona, Scenario } from '../../../core/pack/schema';
import { localized } from '../../../library/library';
import { unwrapPackText } from '../../../library/text';
import type { MediaResolver } from './media';
import { injectsById } from './select';
import { atHandle } from './skin';

export interface Author {
  /** What the avatar's colour is drawn from: the persona or account id. */
  id: string;
  name: string;
  /** With its @; null for an anonymous member of the audience. */
  handle: string | null;
  verified: boolean;
  headquarters: boolean;
  /** The trainee's own account. */
  own: boolean;
  /** The URL of the persona's picture, when the pack has one; initials otherwise. */
  avatar?: string | undefined;
}

export interface PeopleContext {
  scenario: Pick<Scenario, 'accounts'>;
  personas: ReadonlyMap<string, Persona>;
  playLanguage: string;
  /** Every inject of the scenario, by id (see `injectsById`). */
  injects: ReadonlyMap<string, Inject>;
  /** The items in view, by id. */
  items: ReadonlyMap<string, FeedItem>;
  /** The name shown for a reply that names nobody, in the UI language. */
  someone: string;
  /** The pack's pictures and clips; without it, avatars are initials and media are described. */
  media?: MediaResolver | undefined;
}

export interface PeopleSources {
  scenario: Pick<Scenario, 'accounts' | 'timeline' | 'branches'>;
  personas: ReadonlyMap<string, Persona>;
  playLanguage: string;
  /** The items in view, oldest first. */
  items: readonly FeedItem[];
  media?: MediaResolver | undefined;
}

/**
 * The context `authorOf` and `replyTargetOf` read, rebuilt only when its sources change: a view
 * redraws at every tick of the clock, its items only when something arrives.
 */
export function usePeopleContext({ scenario, personas, playLanguage, items, media }: PeopleSources): PeopleContext {
  const { t } = useTranslation('feed');
  const someone = t('someone');
  const injects = useMemo(() => injectsById(scenario), [scenario]);
  const byId = useMemo(() => new Map(items.map((item) => [item.id, item])), [items]);
  return useMemo(
    () => ({ scenario, personas, playLanguage, injects, items: byId, someone, media }),
    [scenario, personas, playLanguage, injects, byId, someone, media],
  );
}

/** What an item says: pack text is wrapped for the author's editor and is unwrapped; what the trainee wrote is shown exactly as written. */
export function itemText(item: FeedItem, playLanguage: string): string {
  if (item.source === 'inject') return unwrapPackText(localized(item.inject.text, playLanguage));
  if (item.source === 'audience') return unwrapPackText(item.text);
  if (item.source === 'clearance') return item.draft.text;
  if (item.source === 'live-comment') return unwrapPackText(localized(item.comment.text, playLanguage));
  return item.text;
}

/** The URL of a persona's picture, if the pack has it as an image. */
export function avatarOf(persona: Persona | undefined, media: MediaResolver | undefined): string | undefined {
  const source = persona?.avatar && media ? media(persona.avatar) : null;
  return source?.kind === 'image' ? source.url : undefined;
}

function personaAuthor(personaId: string, context: PeopleContext): Author {
  const persona = context.personas.get(personaId);
  if (!persona) return { id: personaId, name: personaId, handle: null, verified: false, headquarters: false, own: false };
  return {
    id: persona.id,
    name: localized(persona.name, context.playLanguage) || persona.id,
    handle: atHandle(persona.handle),
    verified: persona.verified,
    headquarters: persona.role === 'headquarters',
    own: false,
    avatar: avatarOf(persona, context.media),
  };
}

export function accountAuthor(account: Account, playLanguage: string): Author {
  return { id: account.id, name: localized(account.name, playLanguage), handle: atHandle(account.handle), verified: false, headquarters: false, own: true };
}

export function authorOf(item: FeedItem, context: PeopleContext): Author {
  if (item.source === 'inject') return personaAuthor(item.inject.persona, context);
  if (item.source === 'trainee') {
    const account = context.scenario.accounts.find((candidate) => candidate.id === item.accountId);
    return account
      ? accountAuthor(account, context.playLanguage)
      : { id: item.accountId, name: item.accountId, handle: null, verified: false, headquarters: false, own: true };
  }
  if (item.source === 'clearance') return personaAuthor(item.personaId, context);
  if (item.personaId) return personaAuthor(item.personaId, context);
  // A generated member of the public is a person with a name and a handle like anyone else.
  if (item.author)
    return { id: item.author.handle, name: item.author.name, handle: atHandle(item.author.handle), verified: false, headquarters: false, own: false };
  return { id: item.id, name: context.someone, handle: null, verified: false, headquarters: false, own: false };
}

/** The author of what `item` answers, or null when it answers nothing (or nothing that can be found). */
export function replyTargetOf(item: FeedItem, context: PeopleContext): Author | null {
  const targetId =
    item.source === 'inject'
      ? (item.inject.replyTo ?? null)
      : item.source === 'clearance'
        ? null
        : item.source === 'live-comment'
          ? item.streamId
          : item.replyTo;
  if (targetId === null) return null;
  const target = context.items.get(targetId);
  if (target) return authorOf(target, context);
  const inject = context.injects.get(targetId);
  return inject ? personaAuthor(inject.persona, context) : null;
}

/** Initials for an avatar: the first letters of the name's first two capitalised words. */
export function initialsOf(name: string): string {
  const words = name
    .split(/[\s,«»"“”()]+/)
    .map((word) => word.replace(/^[^\p{L}\p{N}]+/u, ''))
    .filter((word) => word.length > 0);
  // "Embassy of Azuria in Tallvik" is "EA": the small words between the names do not count.
  const capitalised = words.filter((word) => /^[\p{Lu}\p{N}]/u.test(word));
  const chosen = capitalised.length > 0 ? capitalised : words;
  return (
    chosen
      .slice(0, 2)
      .map((word) => [...word][0]!.toUpperCase())
      .join('') || '?'
  );
}

// Runtime: any (pure core). Plausible members of the public for the audience's replies that no
// persona of the pack speaks: a name and a handle in the audience's language, drawn from the
// attempt's seed and the reply's id, so the same attempt always shows the same people.
//
// Why small lists and not a library: @faker-js/faker (checked at 10.6.0) makes names in every
// language we need, but its English, Russian and Ukrainian locales cost ≈185 kB gzipped in the
// first load, which has ≈40 kB left under its 350 kB budget; the lists in crowd-names.ts cost
// ≈3 kB. They hold common given names and surnames per language with the handle stem each person
// would type, written by hand, so no transliteration runs here and a handle reads like a real one.
import { CROWD_NAMES } from './crowd-names';
import type { CrowdNames } from './crowd-names';
import { createRandom, deriveSeed } from './random';
import type { Random } from './random';
import type { ReplyAuthor } from './audience';

/** The languages with lists of their own; any other reads as English. */
export const CROWD_LANGUAGES = Object.keys(CROWD_NAMES) as readonly string[];

function namesFor(language: string): CrowdNames {
  return CROWD_NAMES[language] ?? CROWD_NAMES['en']!;
}

/** The longest handle every platform accepts (X's limit). */
const HANDLE_MAX = 15;

/** How people form a handle from their name: mostly plain, often with a number, as sign-up forms push them to. */
function handleOf(given: string, surname: string, random: Random): string {
  const int = (below: number) => Math.floor(random.next() * below);
  const year = 60 + int(40);
  const forms = [
    `${given}_${surname}`,
    `${given}${surname}${year}`,
    `${given[0]}${surname}`,
    `${surname}_${given}`,
    `${given}_${surname[0]}${1 + int(99)}`,
    `${given}${surname}`,
    `${given}${year}`,
  ];
  const form = random.pick(forms);
  if (form.length <= HANDLE_MAX) return form;
  // A long name does not fit X's fifteen characters: people shorten it the same way.
  const short = forms.filter((candidate) => candidate.length <= HANDLE_MAX);
  return short.length > 0 ? random.pick(short) : `${given[0]}_${surname}`.slice(0, HANDLE_MAX);
}

/** A generated person for the reply `replyId` of the attempt seeded `seed`, in `language`. */
export function crowdAuthor(seed: number, replyId: string, language: string): ReplyAuthor {
  const random = createRandom(deriveSeed(seed, replyId, 'author'));
  const names = namesFor(language);
  const female = random.next() < 0.5;
  const [given, givenHandle] = random.pick(female ? names.female : names.male);
  const surname = random.pick(names.surnames);
  const [surnameText, surnameHandle] = female ? [surname[1], surname[3]] : [surname[0], surname[2]];
  // Some people show only their given name and the initial of their surname, as many do online.
  const shortName = random.next() < 0.2;
  return {
    name: shortName ? `${given} ${surnameText[0]}.` : `${given} ${surnameText}`,
    handle: handleOf(givenHandle, surnameHandle, random),
  };
}

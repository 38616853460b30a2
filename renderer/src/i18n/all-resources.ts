// Runtime: any with a module loader — the command-line tools (Node) and tests. Every language's
// namespaces at once, for a process that speaks whichever language it is asked; the renderer loads
// only the ones it needs (resources.ts, loadLanguageResources).
import type { Language } from '../../../electron/contract/api';
import type { LanguageResources } from './resources';
import { english } from './resources';
import { russian } from './resources-ru';
import { ukrainian } from './resources-uk';

export const allResources: Record<Language, LanguageResources> = { en: english, ru: russian, uk: ukrainian };

// Runtime: any (pure core). Platform norms as data: the built-in defaults live in the platform
// descriptors (core/platforms; see the notes in the README); a pack or scenario overrides them per platform.
import { PLATFORMS, type Platform } from '../pack/schema';
import { platformDescriptor, type PlatformRules } from '../platforms/descriptors';

export type { Counting, PlatformRules } from '../platforms/descriptors';

/** The built-in norms, as the platform descriptors hold them. */
export const PLATFORM_DEFAULTS: Readonly<Record<Platform, PlatformRules>> = Object.fromEntries(
  PLATFORMS.map((platform) => [platform, platformDescriptor(platform).rules]),
) as Record<Platform, PlatformRules>;

export type PlatformOverrides = Partial<Record<Platform, Partial<PlatformRules>>>;

export function platformRules(platform: Platform, ...overrides: Array<PlatformOverrides | undefined>): PlatformRules {
  let rules: PlatformRules = PLATFORM_DEFAULTS[platform];
  for (const set of overrides) {
    const own = set?.[platform];
    if (own) rules = { ...rules, ...Object.fromEntries(Object.entries(own).filter(([, v]) => v !== undefined)) };
  }
  return rules;
}

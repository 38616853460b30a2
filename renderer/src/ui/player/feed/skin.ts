// Runtime: renderer (pure). The feed's view of a platform's presentation: which of our own skins it
// wears, which engagement figures it shows in what order and what it calls them (a repost on X is a
// forward on Telegram and a boost on Mastodon), in which order posts read and how threads and
// pictures show. The data lives in the platform descriptors (core/platforms); this is the UI's
// adapter to it. The skins are our designs, not the platforms'.
import type { Platform } from '../../../core/pack/schema';
import { platformDescriptor } from '../../../core/platforms/descriptors';
import type { FeedPresentation, Metric, MetricLabel } from '../../../core/platforms/descriptors';

export type { Metric, MetricLabel, SkinId } from '../../../core/platforms/descriptors';

export type PlatformSkin = FeedPresentation;

export function platformSkin(platform: Platform): PlatformSkin {
  return platformDescriptor(platform).feed;
}

/** A figure per metric; `views` is null where it is not known (an inject carries no views). */
export type Counts = Record<Exclude<Metric, 'views'>, number> & { views: number | null };

/** The figures to show, in the platform's order, leaving out views where they are unknown. */
export function visibleMetrics(skin: PlatformSkin, counts: Counts): Array<{ metric: Metric; label: MetricLabel; value: number }> {
  return skin.metrics.flatMap((metric) => {
    const value = counts[metric];
    return value === null ? [] : [{ metric, label: skin.labels[metric], value }];
  });
}

// The darkest shade of each hue: white initials on it keep a contrast of at least 5:1, light or dark.
const AVATAR_COLORS = ['blue.9', 'indigo.9', 'violet.9', 'grape.9', 'pink.9', 'red.9', 'cyan.9', 'teal.9'] as const;

/** The same person always gets the same colour: chosen from a hash of their id. */
export function avatarColor(id: string): (typeof AVATAR_COLORS)[number] {
  let hash = 0;
  for (let index = 0; index < id.length; index += 1) hash = (Math.imul(hash, 31) + id.charCodeAt(index)) | 0;
  return AVATAR_COLORS[Math.abs(hash) % AVATAR_COLORS.length]!;
}

/** A handle as people write it, with one leading @. */
export function atHandle(handle: string): string {
  return handle.startsWith('@') ? handle : `@${handle}`;
}

/** An account's handle as its platform prints it: a Facebook page's username has no @ (it is the page's address). */
export function accountHandle(skin: PlatformSkin, handle: string): string {
  return skin.handles === 'none' ? handle.replace(/^@+/, '') : atHandle(handle);
}

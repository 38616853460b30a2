// Runtime: renderer. The debrief's colours, one meaning each across the charts, badges and the
// timeline. Colour is never the only signal: every use carries words or an icon too.
import type { Mood } from '../../core/engine/audience';
import type { TaskResultKind } from '../../core/engine/outcome';
import type { Axis } from '../../core/pack/schema';

export const AXIS_COLORS: Record<Axis, string> = { tone: 'violet.6', policy: 'navy.6', platform: 'teal.6' };

export const RESULT_COLORS: Record<TaskResultKind, string> = { passed: 'green', failed: 'red', missed: 'orange', 'not-reached': 'gray' };

export const MOOD_COLORS: Record<Mood, string> = { supportive: 'green', grateful: 'teal', confused: 'yellow', critical: 'orange', hostile: 'red' };

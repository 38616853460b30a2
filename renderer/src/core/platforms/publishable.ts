// Runtime: any (pure core). Whether a platform would take a text at all. The grader marks an over-long
// draft down; the platform itself refuses it (X will not send a 281-character post, nor a thread
// whose part is too long), so the desk refuses to publish it too. Counted exactly as the grader
// counts, and a thread split where the grader splits it, so the two never disagree.
import { isMessageKind, platformLength, threadParts } from '../grading/platform-fit';
import type { TaskKind } from '../pack/schema';
import type { PlatformRules } from './descriptors';

/** Why a text cannot be published as it stands. `part` counts from 1. */
export type PublishBlock = { key: 'too-long'; length: number; limit: number } | { key: 'part-too-long'; part: number; length: number; limit: number };

/** Why `text` cannot be published on its platform as `kind`, or null when the platform would take it. */
export function publishBlock(text: string, kind: TaskKind, rules: PlatformRules): PublishBlock | null {
  if (kind === 'thread') {
    const limit = rules.maxLength;
    const parts = threadParts(text);
    for (const [index, part] of parts.entries()) {
      const length = platformLength(part.text, rules.counting);
      if (length > limit) return { key: 'part-too-long', part: index + 1, length, limit };
    }
    return null;
  }
  // A direct message (and each message of a mass notification) has its own, usually longer, limit.
  const limit = isMessageKind(kind) ? rules.messageMaxLength : rules.maxLength;
  const length = platformLength(text, rules.counting);
  return length > limit ? { key: 'too-long', length, limit } : null;
}

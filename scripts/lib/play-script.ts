// Runtime: Node (scripts). The answers file `npm run play` reads: what the trainee does, at which
// simulated time. Validated like a pack file: every problem with its line and column.
import { z } from 'zod';
import type { Diagnostic } from '../../renderer/src/core/pack/diagnostics';
import { MODERATION_ACTIONS } from '../../renderer/src/core/engine/live';
import { offset, offsetMinutes, TASK_KINDS } from '../../renderer/src/core/pack/schema';
import { collectFieldNames, diagnosticsFromIssues } from '../../renderer/src/core/pack/schema-issues';
import { parseYaml } from '../../renderer/src/core/pack/yaml';

const action = z.union([
  z.strictObject({ at: offset(), task: z.string().min(1), text: z.string().min(1) }),
  // Sends the task's draft to headquarters for clearance; the answer comes as the clock moves on.
  z.strictObject({ at: offset(), clear: z.string().min(1), text: z.string().min(1) }),
  z.strictObject({ at: offset(), account: z.string().min(1), kind: z.enum(TASK_KINDS), text: z.string().min(1), replyTo: z.string().optional() }),
  z.strictObject({ at: offset(), finish: z.literal(true) }),
  // Hide, show, pin or unpin a live stream's comment: at "H:MM:SS", comments come within seconds.
  z.strictObject({ at: offset(), moderate: z.string().min(1), action: z.enum(MODERATION_ACTIONS) }),
]);
export const playScriptSchema = z.strictObject({
  language: z
    .string()
    .regex(/^[a-z]{2}$/)
    .optional(),
  actions: z.array(action),
});
export type PlayScript = z.infer<typeof playScriptSchema>;
export type PlayAction = PlayScript['actions'][number];

export function parsePlayScript(file: string, text: string): { script: PlayScript | null; diagnostics: Diagnostic[] } {
  const parsed = parseYaml(file, text);
  if (!parsed.source) return { script: null, diagnostics: parsed.diagnostics };
  const result = playScriptSchema.safeParse(parsed.value, { reportInput: true });
  if (!result.success) {
    return {
      script: null,
      diagnostics: diagnosticsFromIssues(result.error.issues, {
        source: parsed.source,
        knownFields: collectFieldNames(playScriptSchema),
        languages: [],
        languagesFrom: 'scenario',
      }),
    };
  }
  const actions = [...result.data.actions].sort((a, b) => offsetMinutes(a.at) - offsetMinutes(b.at));
  return { script: { ...result.data, actions }, diagnostics: [] };
}

// Runtime: renderer. Why a pack folder could not be opened or saved, in the interface's language: the
// main process words its refusals in English (for logs and the command-line tools) and names the reason
// beside them.
import type { TFunction } from 'i18next';
import type { SourceProblem } from '../../studio/sources';

export function folderProblemText(t: TFunction<'studio'>, problem: SourceProblem): string {
  if (problem.code === 'unsupported') return t('start.folder.webOnly');
  const { refusal } = problem;
  // An older main process names no reason: its English is better than nothing.
  if (!refusal) return problem.problem;
  return t(`folderRefusal.${refusal.key}`, { path: refusal.path, detail: 'detail' in refusal ? refusal.detail : '' });
}

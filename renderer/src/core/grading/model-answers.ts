// Runtime: any (pure core). A model answer is what trainees are shown as right: it must pass its
// own task. Grades every model answer of a pack, in each language it is written in, and names
// those that do not pass and why.
import type { Pack } from '../pack/load';
import type { Axis } from '../pack/schema';
import { AXES } from '../pack/schema';
import { createGradingContext, grade } from './grade';
import { withReferenceMonitoring } from './reference-context';
import type { Finding } from './types';

export interface FailingModelAnswer {
  scenarioId: string;
  taskId: string;
  /** Index of the task in the scenario's `tasks`, for locating it in the file. */
  taskIndex: number;
  language: string;
  failedAxes: Axis[];
  /** The findings on the failing axes, gravest first. */
  findings: Finding[];
}

export function failingModelAnswers(pack: Pack): FailingModelAnswer[] {
  const failing: FailingModelAnswer[] = [];
  for (const scenario of pack.scenarios) {
    const languages = scenario.languages ?? pack.manifest.languages;
    scenario.tasks.forEach((task, taskIndex) => {
      const account = scenario.accounts.find((a) => a.id === task.account);
      for (const [language, text] of Object.entries(task.modelAnswer)) {
        // An account read in one fixed language is graded as played in any language; others as played in the answer's.
        const playLanguage = account?.audienceLanguage ? (languages.includes(language) ? language : languages[0]!) : language;
        if (!languages.includes(playLanguage)) continue;
        const result = grade(text, withReferenceMonitoring(createGradingContext({ scenario, task, playLanguage, pack: pack.manifest }), pack));
        const failedAxes = AXES.filter((axis) => !result.axes[axis].passed);
        if (failedAxes.length)
          failing.push({
            scenarioId: scenario.id,
            taskId: task.id,
            taskIndex,
            language,
            failedAxes,
            findings: result.findings.filter((finding) => failedAxes.includes(finding.axis)),
          });
      }
    });
  }
  return failing;
}

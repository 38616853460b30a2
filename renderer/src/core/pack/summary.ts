// Runtime: any (pure core). What a pack holds, counted: for the CLI and the catalogue.
import type { Pack } from './load';
import type { Scenario } from './schema';

export interface ScenarioSummary {
  id: string;
  kind: Scenario['kind'];
  languages: string[];
  tasks: number;
  injects: number;
  branches: number;
  platforms: string[];
}

export interface PackSummary {
  id: string;
  version: string;
  languages: string[];
  scenarios: number;
  tasks: number;
  injects: number;
  calibrationDrafts: number;
  courses: number;
  perScenario: ScenarioSummary[];
}

export function scenarioLanguages(pack: Pack, scenario: Scenario): string[] {
  return scenario.languages ?? pack.manifest.languages;
}

export function summarizePack(pack: Pack): PackSummary {
  const perScenario = pack.scenarios.map((scenario) => ({
    id: scenario.id,
    kind: scenario.kind,
    languages: scenarioLanguages(pack, scenario),
    tasks: scenario.tasks.length,
    injects: scenario.timeline.length + scenario.branches.reduce((sum, branch) => sum + branch.then.injects.length, 0),
    branches: scenario.branches.length,
    platforms: [...new Set(scenario.accounts.map((account) => account.platform))],
  }));
  return {
    id: pack.manifest.id,
    version: pack.manifest.version,
    languages: pack.manifest.languages,
    scenarios: pack.scenarios.length,
    tasks: perScenario.reduce((sum, s) => sum + s.tasks, 0),
    injects: perScenario.reduce((sum, s) => sum + s.injects, 0),
    calibrationDrafts: pack.scenarios.reduce((sum, s) => sum + s.tasks.reduce((n, t) => n + t.calibration.length, 0), 0),
    courses: pack.courses.length,
    perScenario,
  };
}

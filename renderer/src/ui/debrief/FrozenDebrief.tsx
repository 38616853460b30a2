// Runtime: renderer. The debrief of a frozen outcome: read from the record alone, never from the pack
// installed now, so a newer version of the pack changes nothing in it.
import { useMemo } from 'react';
import type { Persona } from '../../core/pack/schema';
import type { FrozenOutcome, PlayedScenario } from '../../core/records/outcome';
import { DebriefView } from './DebriefView';

export interface FrozenDebriefProps {
  frozen: FrozenOutcome;
  played: PlayedScenario;
  headingLevel?: 1 | 2;
}

export function FrozenDebrief({ frozen, played, headingLevel }: FrozenDebriefProps) {
  const personas = useMemo(() => new Map<string, Persona>(played.personas.map((persona) => [persona.id, persona])), [played]);
  return (
    <DebriefView
      outcome={frozen.detail.outcome}
      scenario={played.scenario}
      personas={personas}
      timeline={frozen.detail.timeline}
      playLanguage={frozen.summary.playLanguage}
      headingLevel={headingLevel}
    />
  );
}

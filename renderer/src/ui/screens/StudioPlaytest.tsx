// Runtime: renderer. The studio's play-test, composed here because it joins two features: the studio
// asks for a run (ui/studio/playtest), and the player's desk plays it on a scratch attempt that saves
// nothing (ui/player), ending in the debrief's view (ui/debrief). While a run is on screen the studio
// stays mounted but hidden, so its document, history and views are exactly as they were on return.
import { Stack } from '@mantine/core';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { scenarioOutcome } from '../../core/engine/outcome';
import { localized, personasOf, type ScenarioRef } from '../../library/library';
import { DebriefView } from '../debrief/DebriefView';
import { languageName } from '../format';
import { ScratchDesk } from '../player/PlayerScreen';
import { newSeed } from '../player/session';
import { useScratchAttempt } from '../player/use-attempt';
import { PlaytestLauncherContext, type PlaytestRequest } from '../studio/playtest/launcher';
import { PlaytestBar } from '../studio/playtest/PlaytestBar';
import { PlaytestEndedBar } from '../studio/playtest/PlaytestEndedBar';

interface Run {
  request: PlaytestRequest;
  /** A new one for each start, so "Start again" begins a fresh attempt. */
  key: number;
}

export function PlaytestHost({ children }: { children: ReactNode }) {
  const [run, setRun] = useState<Run | null>(null);
  const studioRef = useRef<HTMLDivElement>(null);
  const start = useCallback((request: PlaytestRequest) => setRun((current) => ({ request, key: (current?.key ?? 0) + 1 })), []);
  const leave = useCallback(() => setRun(null), []);
  const running = run !== null;

  // The hidden studio listens for its shortcuts on the document (Ctrl+Z, Alt+1…); the desk's own keys
  // (Alt+1 is a clock speed there) must not reach it. Keys typed in the desk's fields never do; keys
  // pressed with nothing focused are stopped here, after the desk's handlers on the root element.
  useEffect(() => {
    if (!running) return;
    const root = document.documentElement;
    const guard = (event: KeyboardEvent) => {
      if (event.target === document.body || event.target === root) event.stopPropagation();
    };
    root.addEventListener('keydown', guard);
    return () => root.removeEventListener('keydown', guard);
  }, [running]);

  // Back in the studio, focus returns to its title, as on arriving at a screen.
  const wasRunning = useRef(false);
  useEffect(() => {
    if (wasRunning.current && !running) studioRef.current?.querySelector<HTMLElement>('[data-page-title]')?.focus();
    wasRunning.current = running;
  }, [running]);

  return (
    <PlaytestLauncherContext value={start}>
      <div ref={studioRef} hidden={running} data-testid="studio-behind-playtest">
        {children}
      </div>
      {run && <PlaytestRun key={run.key} request={run.request} onRestart={() => start(run.request)} onLeave={leave} />}
    </PlaytestLauncherContext>
  );
}

function PlaytestRun({ request, onRestart, onLeave }: { request: PlaytestRequest; onRestart: () => void; onLeave: () => void }) {
  const { i18n } = useTranslation();
  const ref = useMemo<ScenarioRef>(() => ({ pack: request.pack, scenario: request.pack.scenarios.find((each) => each.id === request.scenarioId)! }), [request]);
  const [seed] = useState(newSeed);
  const run = useScratchAttempt(ref, request.language, { seed, startAt: request.startAt });
  const [ended, setEnded] = useState(false);
  const onEnded = useCallback(() => setEnded(true), []);
  const timeline = run.snapshot.context.timeline;

  if (ended) return <PlaytestDebrief scenarioRef={ref} run={run} onAgain={onRestart} onLeave={onLeave} />;
  return (
    <ScratchDesk
      loaded={run.loaded}
      snapshot={run.snapshot}
      send={run.send}
      onEnded={onEnded}
      banner={
        <PlaytestBar
          scenarioTitle={localized(ref.scenario.title, request.language)}
          languageName={languageName(request.language, i18n.language)}
          language={request.language}
          waiting={timeline.queue}
          time={timeline.time}
          onSend={run.sendInject}
          onRestart={onRestart}
          onLeave={onLeave}
        />
      }
    />
  );
}

function PlaytestDebrief({
  scenarioRef,
  run,
  onAgain,
  onLeave,
}: {
  scenarioRef: ScenarioRef;
  run: ReturnType<typeof useScratchAttempt>;
  onAgain: () => void;
  onLeave: () => void;
}) {
  const { input } = run.loaded;
  const timeline = run.snapshot.context.timeline;
  const outcome = useMemo(() => scenarioOutcome(input, timeline), [input, timeline]);
  const personas = useMemo(() => personasOf(scenarioRef), [scenarioRef]);
  return (
    <Stack gap="lg" data-testid="playtest-debrief">
      <PlaytestEndedBar onAgain={onAgain} onLeave={onLeave} />
      <DebriefView
        outcome={outcome}
        scenario={scenarioRef.scenario}
        personas={personas}
        timeline={timeline}
        playLanguage={input.playLanguage}
        headingLevel={1}
      />
    </Stack>
  );
}

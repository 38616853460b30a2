// Runtime: renderer. How the play-test view asks for a run: the studio's screen provides the launcher
// and shows the trainee's desk on the pack (a screen composes the player and the studio; the studio's
// views never import the player).
import { createContext, use } from 'react';
import type { Pack } from '../../../core/pack/load';

export interface PlaytestRequest {
  /** The pack as checked when the play-test starts: the run plays this, whatever is edited after. */
  pack: Pack;
  scenarioId: string;
  language: string;
  /** The simulated minute to start from: 0, or an inject's time. */
  startAt: number;
}

export const PlaytestLauncherContext = createContext<((request: PlaytestRequest) => void) | null>(null);

/** Starts a play-test; null where no screen offers one (the view then says so). */
export function usePlaytestLauncher(): ((request: PlaytestRequest) => void) | null {
  return use(PlaytestLauncherContext);
}

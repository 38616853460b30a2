// Runtime: renderer. Simulated time as people read it: minutes from the scenario's start as H:MM.

/** e.g. 75 → "1:15"; 5 → "0:05". */
export function formatSimTime(minutes: number): string {
  const whole = Math.max(0, Math.floor(minutes));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

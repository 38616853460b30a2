// Runtime: renderer. Simulated time as people read it: minutes from the scenario's start as H:MM,
// written the way packs write offsets (the CLIs print it with the same function).
export { formatOffset as formatSimTime } from '../core/pack/schema';

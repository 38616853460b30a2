// Runtime: renderer. Simulated time as people read it: minutes from the scenario's start as H:MM, with
// seconds (H:MM:SS) when a time falls between whole minutes, as in a live stream; written the way packs
// write offsets (the CLIs print it with the same function).
export { formatOffset as formatSimTime } from '../core/pack/schema';

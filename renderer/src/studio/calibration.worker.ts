// Runtime: web worker. Grades every calibration draft of the pack being edited off the UI thread,
// telling the page after each draft how far it has come (see createCalibrationGrader).
import type { CalibrationReply, CalibrationRequest } from './calibration-protocol';
import { answerCalibrationRequest } from './calibration-protocol';

self.addEventListener('message', (event: MessageEvent<CalibrationRequest>) => {
  answerCalibrationRequest(event.data, (reply: CalibrationReply) => self.postMessage(reply));
});

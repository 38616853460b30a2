// Runtime: web worker. The records' heavy pure work off the UI thread (see records-client.ts): each
// request answered by the records service, its replies before the answer (a backup's rows, progress)
// posted as they come, and a file's bytes handed over rather than copied.
import type { RecordsEnvelope, RecordsReply, RecordsRequest } from './records-protocol';
import { createRecordsService } from './records-service';

const service = createRecordsService();

function post(id: number, body: RecordsReply): void {
  const transfer = body.kind === 'file' && body.bytes.byteOffset === 0 && body.bytes.byteLength === body.bytes.buffer.byteLength ? [body.bytes.buffer] : [];
  self.postMessage({ id, body } satisfies RecordsEnvelope<RecordsReply>, { transfer });
}

self.addEventListener('message', (event: MessageEvent<RecordsEnvelope<RecordsRequest>>) => {
  const { id, body } = event.data;
  void service.answer(body, (part) => post(id, part)).then((reply) => post(id, reply));
});

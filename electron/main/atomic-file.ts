// Runtime: main process. Replacing a file whole: the bytes go to a new temporary file beside it,
// flushed to disk, which is then renamed over the old one, so a crash or a full disk leaves either
// the old file or the new one, never half of one. The temporary file's name starts with a dot (the
// pack folder reader, scripts/lib/pack-files.ts, passes dot-files over) and is new each time, so two
// writes of the same file never share one.
import { randomBytes } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import path from 'node:path';

/** Writes `bytes` to `target` whole, the new file created with `mode` (0o600: readable by this user only). */
export async function writeFileAtomically(target: string, bytes: Uint8Array, mode: number): Promise<void> {
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.attache-tmp`);
  const handle = await open(temporary, 'wx', mode);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
  await handle.close();
  try {
    await rename(temporary, target);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}

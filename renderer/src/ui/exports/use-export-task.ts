// Runtime: renderer (browser). One export step at a time (checking, writing, printing): its progress for
// the progress bar, and a way to cancel it. A step still running when the dialog closes is cancelled.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChunkOptions } from '../../records/exports';

export type TaskStage = 'checking' | 'building' | 'printing';

export interface TaskProgress {
  stage: TaskStage;
  done: number;
  total: number;
}

export interface ExportTask {
  progress: TaskProgress | null;
  /** Runs `work` with progress and cancelling wired in; resolves with its result, or rejects as it did. */
  run<T>(stage: TaskStage, work: (options: ChunkOptions) => Promise<T>): Promise<T>;
  cancel(): void;
}

export function useExportTask(): ExportTask {
  const [progress, setProgress] = useState<TaskProgress | null>(null);
  const controller = useRef<AbortController | null>(null);

  useEffect(() => () => controller.current?.abort(), []);

  const run = useCallback(async <T>(stage: TaskStage, work: (options: ChunkOptions) => Promise<T>): Promise<T> => {
    controller.current?.abort();
    const current = new AbortController();
    controller.current = current;
    setProgress({ stage, done: 0, total: 0 });
    try {
      return await work({
        signal: current.signal,
        onProgress: (done, total) => {
          if (!current.signal.aborted) setProgress({ stage, done, total });
        },
      });
    } finally {
      if (controller.current === current) {
        controller.current = null;
        setProgress(null);
      }
    }
  }, []);

  const cancel = useCallback(() => controller.current?.abort(), []);

  return { progress, run, cancel };
}

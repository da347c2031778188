import type { Readable } from 'node:stream';

/**
 * Reads an object stream a batch at a time: whatever it has buffered, at once. `for await` over the
 * stream itself costs a few promises per object, which for a 100,000-row file is most of the garbage
 * the reading makes. Errors (including those a pipeline hands on) are thrown to the consumer.
 */
export async function* readInBatches<T>(stream: Readable): AsyncGenerator<T[]> {
  let ended = false;
  let failure: unknown = null;
  let wake: (() => void) | null = null;
  const signal = () => {
    const resolve = wake;
    wake = null;
    resolve?.();
  };
  const onEnd = () => {
    ended = true;
    signal();
  };
  const onError = (error: unknown) => {
    failure = error;
    signal();
  };
  stream.on('readable', signal).on('end', onEnd).on('close', onEnd).on('error', onError);
  try {
    for (;;) {
      if (failure) throw failure;
      const batch: T[] = [];
      for (let item = stream.read() as T | null; item !== null; item = stream.read() as T | null) batch.push(item);
      if (batch.length) yield batch;
      else if (ended) return;
      // Always read before waiting, so a wake-up missed while the consumer held a batch loses nothing.
      else await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    stream.off('readable', signal).off('end', onEnd).off('close', onEnd).off('error', onError);
    stream.destroy();
  }
}

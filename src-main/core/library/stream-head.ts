/** A stream's first bytes, read ahead, and the whole stream (those bytes included) still to read. */
export interface StreamHead {
  head: Uint8Array;
  body: ReadableStream<Uint8Array>;
}

/**
 * Reads at least `bytes` bytes (or the whole stream, if shorter) and gives them back with a
 * stream that replays them and then pulls the rest on demand, so a large object is still never
 * held in memory. Cancelling the returned stream cancels the source, which stops the download.
 */
export async function readStreamHead(
  source: ReadableStream<Uint8Array>,
  bytes: number,
): Promise<StreamHead> {
  const reader = source.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  let ended = false;
  while (length < bytes) {
    const next = await reader.read();
    if (next.done) {
      ended = true;
      break;
    }
    chunks.push(next.value);
    length += next.value.length;
  }
  const head = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    head.set(chunk, offset);
    offset += chunk.length;
  }
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      if (ended) controller.close();
    },
    async pull(controller) {
      const next = await reader.read();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    cancel: (reason) => reader.cancel(reason),
  });
  return { head, body };
}

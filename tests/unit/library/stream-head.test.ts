import { describe, expect, it } from 'vitest';
import { readStreamHead } from '../../../src-main/core/library/stream-head';

const chunked = (chunks: number[][], onCancel?: () => void) => {
  let next = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks[next++];
      if (chunk) controller.enqueue(Uint8Array.from(chunk));
      else controller.close();
    },
    cancel: onCancel,
  });
};

describe('reading a stream head', () => {
  it('reads across small chunks and still hands on every byte, in order', async () => {
    const { head, body } = await readStreamHead(chunked([[1], [2, 3], [4, 5, 6], [7]]), 4);
    expect([...head]).toEqual([1, 2, 3, 4, 5, 6]);
    expect([...new Uint8Array(await new Response(body).arrayBuffer())]).toEqual([
      1, 2, 3, 4, 5, 6, 7,
    ]);
  });

  it('gives a short stream whole', async () => {
    const { head, body } = await readStreamHead(chunked([[9, 8]]), 64);
    expect([...head]).toEqual([9, 8]);
    expect([...new Uint8Array(await new Response(body).arrayBuffer())]).toEqual([9, 8]);
  });

  it('stops the source when the rest is not wanted', async () => {
    let cancelled = false;
    const source = chunked([[1, 2], [3], [4]], () => {
      cancelled = true;
    });
    const { body } = await readStreamHead(source, 2);
    await body.cancel();
    expect(cancelled).toBe(true);
  });
});

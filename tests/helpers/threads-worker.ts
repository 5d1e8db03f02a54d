/** A worker for tests/unit/threads.test.ts: squares numbers, says which thread did, and fails on 13. */
import { threadId } from 'node:worker_threads';
import { serveChunks } from '../../src/lib/threads.ts';

export const square = (n: number) => {
  if (n === 13 && threadId !== 0) throw new Error('13 fails in a thread');
  return { square: n * n, threadId };
};

serveChunks(square);

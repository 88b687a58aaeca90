// The thumbnail helper: runs in its own process (a child process, or Electron's utilityProcess)
// and is the only place Hakobu decodes an image, so a hostile file can crash or hang only this.
// It imports sharp and Node alone, and only types from its siblings, so that Node runs it from
// source by stripping types, and the build bundles it on its own (dist/main/thumbnail-helper.cjs).
import sharp from 'sharp';
import type { HelperReply, HelperRequest } from './protocol';

// protocol.ts's TEST_HOOKS_ENV, spelled out: this file may import only types from its siblings.
const TEST_HOOKS_ENV = 'HAKOBU_THUMBNAIL_TEST_HOOKS';

// One image at a time, no cache kept between images: memory is bounded by the image at hand.
sharp.cache(false);
sharp.concurrency(1);

interface Job {
  id: number;
  size: number;
  maxInputPixels: number;
  chunks: Uint8Array[];
}

interface Port {
  send(reply: HelperReply): void;
  listen(handle: (request: HelperRequest) => void): void;
}

interface ParentPortLike {
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  postMessage(message: unknown): void;
}

/** Electron's utilityProcess has process.parentPort; a Node child has process.send. */
function connect(): Port {
  const parentPort = (process as { parentPort?: ParentPortLike }).parentPort;
  if (parentPort) {
    return {
      send: (reply) => parentPort.postMessage(reply),
      listen: (handle) => parentPort.on('message', (event) => handle(event.data as HelperRequest)),
    };
  }
  const send = process.send?.bind(process);
  if (!send) throw new Error('the thumbnail helper must be started by Hakobu, with an IPC channel');
  // Without the app there is no one to draw for.
  process.on('disconnect', () => process.exit(0));
  return {
    send: (reply) => void send(reply),
    listen: (handle) => process.on('message', (message) => handle(message as HelperRequest)),
  };
}

const TEST_INPUT = 'HAKOBU-TEST:';

/** Test-only inputs that stand in for decoder failures no small file can reliably cause. */
function testHook(bytes: Buffer): void {
  if (process.env[TEST_HOOKS_ENV] !== '1') return;
  const text = bytes.subarray(0, 32).toString('latin1');
  if (!text.startsWith(TEST_INPUT)) return;
  const hook = text.slice(TEST_INPUT.length).trim();
  // A native crash in the decoder.
  if (hook === 'crash') process.abort();
  // A decoder that never returns; only the pool's timeout ends it.
  if (hook === 'hang') for (;;) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
  // A decoder that allocates without bound; --max-old-space-size ends it.
  if (hook === 'hog') {
    const hoard: number[][] = [];
    for (;;) hoard.push(new Array<number>(1_000_000).fill(hoard.length));
  }
}

async function draw(job: Job): Promise<HelperReply> {
  const bytes = Buffer.concat(job.chunks);
  job.chunks = [];
  testHook(bytes);
  try {
    const data = await sharp(bytes, { limitInputPixels: job.maxInputPixels, sequentialRead: true })
      // autoOrient() is rotate() without an angle: it applies the EXIF orientation, then drops it.
      .autoOrient()
      .resize(job.size, job.size, { fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 75 })
      .toBuffer();
    return { type: 'done', id: job.id, data };
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 4000);
    const reason = /pixel limit/i.test(message) ? 'tooLarge' : 'unsupported';
    return { type: 'failed', id: job.id, reason, message };
  }
}

function serve(port: Port): void {
  let current: Job | undefined;
  port.listen((request) => {
    if (request.type === 'start') {
      current = { ...request, chunks: [] };
      return;
    }
    const job = current;
    if (!job || job.id !== request.id) return;
    if (request.type === 'chunk') {
      job.chunks.push(request.data);
    } else if (request.type === 'cancel') {
      current = undefined;
      port.send({ type: 'failed', id: job.id, reason: 'unsupported', message: 'cancelled' });
    } else {
      current = undefined;
      void draw(job).then((reply) => port.send(reply));
    }
  });
}

serve(connect());

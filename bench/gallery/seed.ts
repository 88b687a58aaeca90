import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import sharp from 'sharp';
import { createIdentityCredentials } from '../../src-main/core/credentials';
import type { BenchSession } from '../sign-in';

/** How many distinct pictures the gallery is made of; the rest are copies under other keys. */
const DISTINCT_IMAGES = 6;
/** PUTs in flight while seeding: enough to keep local-aws busy on two cores. */
const SEED_CONCURRENCY = 16;

/** The key of the n-th seeded image below the location's prefix (zero-padded so S3 order = n). */
export function galleryName(index: number): string {
  return `photo-${String(index + 1).padStart(5, '0')}.${index % 2 === 0 ? 'jpg' : 'webp'}`;
}

/** A photo-sized picture (a gradient with a few bands) that costs a real decode, in two formats. */
async function distinctImage(seed: number): Promise<{ jpg: Buffer; webp: Buffer }> {
  const width = 800;
  const height = 600;
  const pixels = Buffer.alloc(width * height * 3);
  const hue = [(seed * 97) % 256, (seed * 53 + 80) % 256, (seed * 29 + 160) % 256];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const shade = (x + y) / (width + height);
      const band = ((x >> 5) + (y >> 5) + seed) % 4 === 0 ? 0.6 : 1;
      const at = (y * width + x) * 3;
      for (let c = 0; c < 3; c++) {
        pixels[at + c] = Math.round((hue[c] ?? 0) * (c === 2 ? 1 - shade : shade) * band);
      }
    }
  }
  const image = () => sharp(pixels, { raw: { width, height, channels: 3 } });
  const [jpg, webp] = await Promise.all([
    image().jpeg({ quality: 80 }).toBuffer(),
    image().webp({ quality: 75 }).toBuffer(),
  ]);
  return { jpg, webp };
}

/**
 * Puts `count` images directly below the demo user's prefix, so the library's first screen after
 * sign-in is the gallery. Runs with the demo user's own Identity Pool credentials, as the app does.
 */
export async function seedGallery(session: BenchSession, count: number): Promise<number> {
  const started = Date.now();
  const { config } = session;
  const location = config.locations.find((l) => l.access === 'readwrite');
  if (!location) throw new Error('the local-aws app config has no writable location');
  const credentials = createIdentityCredentials({ config, getIdToken: session.getIdToken });
  const s3 = new S3Client({
    region: config.region,
    ...(config.endpoints.s3 ? { endpoint: config.endpoints.s3, forcePathStyle: true } : {}),
    credentials: credentials.provider,
  });
  try {
    const images = await Promise.all(
      Array.from({ length: DISTINCT_IMAGES }, (_, seed) => distinctImage(seed)),
    );
    let next = 0;
    const worker = async () => {
      while (next < count) {
        const index = next++;
        const name = galleryName(index);
        const picture = images[index % DISTINCT_IMAGES] ?? images[0];
        if (!picture) return;
        const jpg = name.endsWith('.jpg');
        await s3.send(
          new PutObjectCommand({
            Bucket: location.bucket,
            Key: `${session.identityId}/${name}`,
            Body: jpg ? picture.jpg : picture.webp,
            ContentType: jpg ? 'image/jpeg' : 'image/webp',
          }),
        );
      }
    };
    await Promise.all(Array.from({ length: SEED_CONCURRENCY }, worker));
    return (Date.now() - started) / 1000;
  } finally {
    s3.destroy();
    credentials.dispose();
  }
}

import type { HakobuConfig } from '../../../config';
import type { StepDefinition } from '../../plan';
import { checkRootListing, checkWrite } from './access-steps';
import { checkBucket, checkPrefix } from './bucket-steps';
import { checkConditionalWrites } from './conditional-step';
import { locationProbe, type LocationProbe } from './location-probe';

type LocationConfig = HakobuConfig['locations'][number];

/** The five S3 steps of one location (step 11), each after the role step produced credentials. */
export function locationSteps(location: LocationConfig): StepDefinition[] {
  const cache: { probe?: LocationProbe } = {};
  const { name } = location;
  const bucketId = `bucket:${name}`;
  return [
    {
      id: bucketId,
      title: `Bucket of "${name}"`,
      needs: ['role'],
      run: (ctx) => checkBucket(ctx, locationProbe(ctx, location, cache)),
    },
    {
      id: `prefix:${name}`,
      title: `Own folder in "${name}"`,
      needs: [bucketId],
      run: (ctx) => checkPrefix(ctx, locationProbe(ctx, location, cache)),
    },
    {
      id: `write:${name}`,
      title: `Uploading to "${name}"`,
      needs: [bucketId],
      run: (ctx) => checkWrite(ctx, locationProbe(ctx, location, cache)),
    },
    {
      id: `conditional:${name}`,
      title: `Name conflicts in "${name}"`,
      needs: [`write:${name}`],
      run: (ctx) => checkConditionalWrites(ctx, locationProbe(ctx, location, cache)),
    },
    {
      id: `root-listing:${name}`,
      title: `Other users' files in "${name}"`,
      needs: [bucketId],
      run: (ctx) => checkRootListing(ctx, locationProbe(ctx, location, cache)),
    },
  ];
}

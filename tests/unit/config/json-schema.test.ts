import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONFIG_SCHEMA_FILE, renderConfigSchema } from '../../../scripts/config-schema';
import { configJsonSchema } from '../../../src-main/core/config/json-schema';

// docs/config.schema.json is what IT's editors complete and check managed files against, so it
// must say what the loader accepts today.

describe('the configuration JSON schema', () => {
  it('is committed as generated from the zod schema (run npm run config-schema when this fails)', async () => {
    const committed = readFileSync(CONFIG_SCHEMA_FILE, 'utf8');
    expect(
      committed === (await renderConfigSchema()),
      'docs/config.schema.json is stale: run npm run config-schema and commit the result',
    ).toBe(true);
  });

  it('describes the IT-only update keys and closes objects so editors flag typos', () => {
    const schema = configJsonSchema() as {
      properties: Record<
        string,
        {
          description?: string;
          additionalProperties?: boolean;
          properties?: Record<string, { enum?: string[]; description?: string }>;
        }
      >;
    };
    const updates = schema.properties.updates;
    expect(updates?.additionalProperties).toBe(false);
    expect(Object.keys(updates?.properties ?? {})).toEqual(['enabled', 'url', 'channel']);
    expect(updates?.properties?.channel?.enum).toEqual(['latest', 'beta', 'alpha']);
    expect(updates?.properties?.url?.description).toContain('Only the managed file may set this');
    expect(Object.keys(schema.properties)).toContain('$schema');
  });
});

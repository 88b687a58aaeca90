// Writes docs/config.schema.json from the zod schema (`npm run config-schema`). A unit test
// regenerates it in memory and fails when the committed file is stale.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { configJsonSchema } from '../src-main/core/config/json-schema';

/** Where the schema is committed. */
export const CONFIG_SCHEMA_FILE = fileURLToPath(
  new URL('../docs/config.schema.json', import.meta.url),
);

/** The schema file's text, formatted as the repository's Prettier settings want it. */
export async function renderConfigSchema(): Promise<string> {
  const options = (await resolveConfig(CONFIG_SCHEMA_FILE)) ?? {};
  return format(JSON.stringify(configJsonSchema()), { ...options, parser: 'json' });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(CONFIG_SCHEMA_FILE, await renderConfigSchema());
  console.log(`config-schema: wrote ${CONFIG_SCHEMA_FILE}`);
}

// Writes schema/brief.schema.json from the zod schema, the single source of truth (npm run schema).
import { writeFileSync } from 'node:fs';
import { renderBriefJsonSchema } from '../src/brief/render-brief-json-schema.js';

const path = new URL('../schema/brief.schema.json', import.meta.url);
writeFileSync(path, renderBriefJsonSchema());
console.log(`wrote ${path.pathname}`);

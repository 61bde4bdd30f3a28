// Skriver YAML-filer så som redigeraren sparar dem (vb-yaml.js), för testerna som jämför med vb fmt.
//   node runda.mjs nycklar.json < {"namn": "text", ...}   skriver {"namn": "text", ...}
import { readFileSync } from 'node:fs';
import { fromFile, toFile } from './vb-yaml.js';

const order = JSON.parse(readFileSync(process.argv[2], 'utf8'));
let input = '';
process.stdin.setEncoding('utf8');
for await (const chunk of process.stdin) input += chunk;
const out = {};
for (const [name, text] of Object.entries(JSON.parse(input))) out[name] = toFile(fromFile(text), order);
process.stdout.write(JSON.stringify(out));

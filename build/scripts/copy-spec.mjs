// Puts the Camtrap DP 1.0.2 profile and table schemas, and the Frictionless Data Package profile
// they refer to, into resources/spec, from ../shared/spec (or CAMTRAP_SHARED/spec). The app
// validates every package against these files offline; a packaged app has no ../shared.
// Run by fetch:models, `npm run serve`/`npm start` and the test setup; plain JavaScript so that
// each of them can import it.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Copies what is new or changed; says what it did, or why it could not. */
export function copySpec() {
  const shared = process.env.CAMTRAP_SHARED ?? path.join(root, '..', 'shared');
  const from = path.join(shared, 'spec');
  const to = path.join(root, 'resources', 'spec');
  if (!fs.existsSync(path.join(from, 'camtrap-dp', 'camtrap-dp-profile.json'))) {
    return fs.existsSync(path.join(to, 'camtrap-dp', 'camtrap-dp-profile.json')) ? 'spec: in place' : `spec: not copied: ${from} has no Camtrap DP profile`;
  }
  let copied = 0;
  for (const dir of ['camtrap-dp', 'frictionless']) {
    fs.mkdirSync(path.join(to, dir), { recursive: true });
    for (const name of fs.readdirSync(path.join(from, dir)).filter((n) => n.endsWith('.json'))) {
      const source = fs.readFileSync(path.join(from, dir, name));
      const target = path.join(to, dir, name);
      if (fs.existsSync(target) && fs.readFileSync(target).equals(source)) continue;
      // Written whole under another name first: a reader never finds half a schema.
      fs.writeFileSync(`${target}.part`, source);
      fs.renameSync(`${target}.part`, target);
      copied += 1;
    }
  }
  return copied === 0 ? 'spec: in place' : `spec: copied ${copied} files from ${from}`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) console.log(copySpec());

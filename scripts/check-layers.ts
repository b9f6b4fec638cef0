// Part of npm run lint: every import of app/, scripts/ and e2e/ against the layer rules
// (scripts/layers/rules.ts), and no import cycles. Exit 1 naming each wrong arrow.
import { execFileSync } from 'node:child_process';
import { importsOf } from './layers/imports.ts';
import { cycles, violations } from './layers/rules.ts';

const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', 'app', 'scripts', 'e2e'], { encoding: 'utf8' })
  .split('\n').filter((f) => /\.tsx?$/.test(f) && !f.includes('node_modules/') && !f.endsWith('.d.ts'));
const imports = files.flatMap((file) => importsOf(file));
const wrong = violations(imports);
const loops = cycles(imports);
for (const v of wrong) console.error(`${v.from} → ${v.to}\n    ${v.rule}`);
for (const loop of loops) console.error(`cycle: ${loop.join(' → ')}`);
console.log(`layers: ${files.length} files, ${imports.length} imports, ${wrong.length} wrong arrows, ${loops.length} cycles`);
process.exitCode = wrong.length || loops.length ? 1 : 0;

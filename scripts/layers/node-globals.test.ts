// apache-arrow's declarations reference @types/node, so tsconfig.json's `types: []` cannot keep
// Node's globals out of the browser code; .oxlintrc.json's no-restricted-globals does. This
// checks that it does, on a file in app/ written for the purpose and removed after.
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

function lint(file: string, source: string) {
  writeFileSync(file, source);
  try {
    return spawnSync('node_modules/.bin/oxlint', ['--deny-warnings', file], { encoding: 'utf8' });
  } finally {
    rmSync(file);
  }
}

describe("Node's globals in app/", () => {
  it('fail the lint in browser code', () => {
    const run = lint(`app/node-globals-probe-${process.pid}.ts`,
      'export const a = process.env.X;\nexport const b = Buffer.from("x");\nexport const c = __dirname;\nexport const d = require("fs");\n');
    expect(run.status).toBe(1);
    for (const name of ['process', 'Buffer', '__dirname', 'require']) expect(run.stdout).toContain(`Unexpected use of '${name}'`);
  });

  it('pass in browser code that does not use them, and in app tests', () => {
    expect(lint(`app/node-globals-probe-${process.pid}.ts`, 'export const a = globalThis.location?.href;\n').status).toBe(0);
    expect(lint(`app/node-globals-probe-${process.pid}.test.ts`, 'export const a = process.env.X;\n').status).toBe(0);
  });
});

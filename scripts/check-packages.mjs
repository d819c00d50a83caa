#!/usr/bin/env node
// Packaging check for every publishable package: publint --strict, attw --pack, and a smoke
// test that both `require`s and `import`s each built entry point in a fresh Node process.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const packagesDir = join(root, 'packages');
const bin = (name) => join(root, 'node_modules', '.bin', name);
let failed = 0;

function run(label, file, args, cwd) {
  try {
    execFileSync(file, args, { cwd, stdio: 'pipe', encoding: 'utf8' });
    console.log(`  ok    ${label}`);
  } catch (error) {
    failed += 1;
    console.log(`  FAIL  ${label}\n${error.stdout ?? ''}${error.stderr ?? ''}`);
  }
}

for (const dir of readdirSync(packagesDir).sort()) {
  const cwd = join(packagesDir, dir);
  const pkg = JSON.parse(readFileSync(join(cwd, 'package.json'), 'utf8'));
  console.log(pkg.name);
  run('publint --strict', bin('publint'), ['--strict'], cwd);
  run('attw --pack', bin('attw'), ['--pack', '.'], cwd);
  const subpaths = Object.keys(pkg.exports).filter((key) => key !== './package.json');
  for (const subpath of subpaths) {
    const specifier = join(pkg.name, subpath);
    const check = `const m = %LOAD%; const keys = Object.keys(m).filter((k) => k !== 'default');
      if (keys.length === 0) { throw new Error('no exports from ${specifier}'); }`;
    run(
      `require('${specifier}')`,
      process.execPath,
      ['-e', check.replace('%LOAD%', `require('${specifier}')`)],
      cwd,
    );
    run(
      `import('${specifier}')`,
      process.execPath,
      ['--input-type=module', '-e', check.replace('%LOAD%', `await import('${specifier}')`)],
      cwd,
    );
  }
}

if (failed > 0) {
  console.error(`\n${failed} packaging check(s) failed`);
  process.exit(1);
}
console.log('\nall packaging checks passed');

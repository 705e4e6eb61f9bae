// The npm mirror these machines use does not carry rollup's platform packages for other systems
// (android, darwin, win32, ...), so `npm install` leaves them out of package-lock.json and
// `npm ci` then refuses the lock. This adds the missing optional entries with their os/cpu, so npm
// skips them as foreign-platform packages exactly as it would with a complete lock.
// Run after `npm install` changes the lock: node scripts/fix-lock-optional.mjs
import { readFileSync, writeFileSync } from 'node:fs';

const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
const packages = lock.packages;
const PLATFORM =
  /^@rollup\/rollup-(android|darwin|freebsd|linux|openbsd|openharmony|win32)-([a-z0-9]+)(?:-(gnu|musl|msvc|gnueabihf|musleabihf|eabi))?$/;
const CPU = {
  arm: 'arm',
  arm64: 'arm64',
  x64: 'x64',
  ia32: 'ia32',
  loong64: 'loong64',
  ppc64: 'ppc64',
  riscv64: 'riscv64',
  s390x: 's390x',
};
let added = 0;
for (const [path, entry] of Object.entries(packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const match = PLATFORM.exec(name);
    if (!match) continue;
    const key = `node_modules/${name}`;
    if (packages[key] || packages[`${path}/node_modules/${name}`]) continue;
    const [, os, cpu, libc] = match;
    packages[key] = {
      version,
      cpu: [CPU[cpu] ?? cpu],
      dev: entry.dev,
      license: 'MIT',
      optional: true,
      os: [os],
      ...(libc === 'gnu' || libc === 'gnueabihf'
        ? { libc: ['glibc'] }
        : libc?.startsWith('musl')
          ? { libc: ['musl'] }
          : {}),
    };
    if (!entry.dev) delete packages[key].dev;
    added++;
  }
}
const sorted = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))),
);
lock.packages = sorted;
writeFileSync('package-lock.json', `${JSON.stringify(lock, null, 2)}\n`);
console.log(`added ${added} optional platform entries`);

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every file of src/core: the numeric core must stay pure so the worker, CLI and tests share it. */
function coreFiles(dir = 'src/core'): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? coreFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

describe('the numeric core is pure TypeScript', () => {
  it('imports only its own modules (no React, no zustand, no DOM helpers, no Node)', () => {
    const offenders: string[] = [];
    for (const file of coreFiles()) {
      const source = readFileSync(file, 'utf8');
      for (const match of source.matchAll(/(?:import|export)[^'"]*from\s+['"]([^'"]+)['"]/g)) {
        // Relative imports that stay inside src/core (src/core/io may import ../ratings); nothing else.
        const target = relative('src/core', join(dirname(file), match[1]!));
        if (!match[1]!.startsWith('.') || target.startsWith('..')) offenders.push(`${file}: ${match[1]}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('never touches window, document or the DOM', () => {
    const offenders = coreFiles().filter((file) =>
      /\b(window|document|navigator|HTMLElement|localStorage)\b/.test(readFileSync(file, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
});

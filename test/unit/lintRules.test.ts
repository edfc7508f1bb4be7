/**
 * The lint rules that guard the architecture fire: the numeric core may not import UI
 * libraries or the app around it, nor touch the DOM.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function rulesHit(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((m) => m.ruleId ?? m.message);
}

describe('lint guards src/core', () => {
  it('refuses React, d3 and the state layer in the core', async () => {
    const hits = await rulesHit(
      "import { useState } from 'react';\nimport { scaleLinear } from 'd3';\nimport { x } from '../state/labStore';\nexport const y = [useState, scaleLinear, x];\n",
      'src/core/example.ts',
    );
    expect(hits.filter((r) => r === 'no-restricted-imports')).toHaveLength(3);
  });

  it('refuses DOM globals in the core', async () => {
    const hits = await rulesHit('export const w = document.body.clientWidth + window.innerWidth;\n', 'src/core/example.ts');
    expect(hits.filter((r) => r === 'no-restricted-globals')).toHaveLength(2);
  });

  it('allows the same code in a view', async () => {
    const hits = await rulesHit(
      "import { scaleLinear } from 'd3';\nexport const w = document.body.clientWidth + scaleLinear()(1);\n",
      'src/views/example.ts',
    );
    expect(hits).toEqual([]);
  });

  it('enforces the rules of hooks in components', async () => {
    const hits = await rulesHit(
      "import { useState } from 'react';\nexport function C({ a }: { a: boolean }) {\n  if (a) useState(0);\n  return null;\n}\n",
      'src/views/Example.tsx',
    );
    expect(hits).toContain('react-hooks/rules-of-hooks');
  });
});

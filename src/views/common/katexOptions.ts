/** KaTeX's options for every formula MF Lab typesets: in the page (Tex) and ahead of time for lessons (the build). */
export function katexOptions(block: boolean) {
  return { displayMode: block, throwOnError: false, strict: 'ignore', output: 'htmlAndMathml' } as const;
}

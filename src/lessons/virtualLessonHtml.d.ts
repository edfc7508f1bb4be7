/** The lessons' HTML typeset by the build (src/cli/lessonHtmlPlugin.ts); keys from htmlKey. */
declare module 'virtual:lesson-html' {
  /** Every lesson's and step's title, inline. */
  export const titles: Record<string, string>;
  /** Each lesson's own text, by slug. */
  export const loaders: Record<string, () => Promise<{ default: Record<string, string> }>>;
}

/** The key of a lesson text in the tables of HTML the build typeset (src/cli/lessonHtmlPlugin.ts, lessonHtml.ts). */
export function htmlKey(text: string, inline: boolean): string {
  return `${inline ? 'i' : 'b'}:${text}`;
}

/** Escapes untrusted text (article text, names) for Markdown: it shows as written and links nothing. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~&]/g, ch => `\\${ch}`).replace(/\r?\n|\r/g, ' ');
}

import { printable, type Analysis } from '../core';

/** A human-readable summary of an analysis, for terminals (control characters of the texts shown as escapes). */
export function formatTable(analysis: Analysis): string {
  const lines: string[] = [];
  for (const doc of analysis.documents) {
    lines.push(`${doc.path}  (published ${doc.dct ?? 'unknown'}, ${doc.mentions.length} mentions)`);
    for (const m of doc.mentions) {
      const detail = m.kind === 'date' ? `= ${m.value ?? 'unresolved'}` : `-> ${m.entity ?? ''}`;
      lines.push(`  ${String(m.start).padStart(6)}-${String(m.end).padEnd(6)} ${m.kind.padEnd(12)} ${m.text}  ${detail}`);
    }
  }
  if (analysis.entities.length) {
    lines.push('', 'Entities:');
    for (const e of analysis.entities) {
      lines.push(`  ${e.id.padEnd(32)} ${e.kind.padEnd(12)} ${String(e.mentions).padStart(4)} mentions in ${e.documents} documents  [${e.aliases.join(' | ')}]`);
    }
  }
  return lines.map(printable).join('\n') + '\n';
}

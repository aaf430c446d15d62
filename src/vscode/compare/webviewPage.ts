import * as vscode from 'vscode';

/** A fresh nonce for a webview's content security policy. */
export function newNonce(): string {
  const bytes = new Uint8Array(18);
  globalThis.crypto.getRandomValues(bytes);
  return Buffer.from(bytes).toString('base64').replace(/[+/=]/g, '');
}

/** Article text (untrusted) as HTML text. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Colors, spacing and focus rings from the theme (VS Code's CSS variables), shared by the panels. */
const BASE_STYLE = `
  body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); background: var(--vscode-editor-background); margin: 0; padding: 12px 16px; }
  h1 { font-size: 1.3em; margin: 0 0 4px; font-weight: 600; }
  h2 { font-size: 1.05em; margin: 0 0 6px; font-weight: 600; }
  p.summary { color: var(--vscode-descriptionForeground); margin: 0 0 12px; }
  button { font: inherit; color: var(--vscode-button-secondaryForeground); background: var(--vscode-button-secondaryBackground); border: 1px solid var(--vscode-button-border, transparent); border-radius: 2px; padding: 2px 8px; cursor: pointer; }
  button:hover { background: var(--vscode-button-secondaryHoverBackground); }
  button:focus-visible, [tabindex]:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: 1px; }
  mark { color: inherit; border-radius: 2px; padding: 0 1px; }
  mark.date { background: color-mix(in srgb, var(--vscode-editorWarning-foreground) 22%, transparent); box-shadow: inset 0 -2px 0 var(--vscode-editorWarning-foreground); }
  mark.number { background: color-mix(in srgb, var(--vscode-editorError-foreground) 22%, transparent); box-shadow: inset 0 -2px 0 var(--vscode-editorError-foreground); }
  mark.quote { background: color-mix(in srgb, var(--vscode-editorInfo-foreground) 22%, transparent); box-shadow: inset 0 -2px 0 var(--vscode-editorInfo-foreground); }
  mark.wording { box-shadow: inset 0 -1px 0 var(--vscode-descriptionForeground); background: transparent; }
  .muted { color: var(--vscode-descriptionForeground); }
`;

/**
 * A complete webview page under a strict content security policy: nothing is loaded, only the
 * page's own style and script run (by nonce). `body` must already be escaped HTML.
 */
export function webviewPage(webview: vscode.Webview, nonce: string, title: string, style: string, body: string, script: string): string {
  const csp = `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'; img-src ${webview.cspSource};`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeHtml(title)}</title>
<style nonce="${nonce}">${BASE_STYLE}${style}</style>
</head>
<body>
${body}
<script nonce="${nonce}">${script}</script>
</body>
</html>`;
}

/** Segments of `text` (starting at offset `base`) with the spans marked, each span's class its kind; all text escaped. */
export function markedHtml(text: string, base: number, spans: readonly { start: number; end: number; kind: string }[]): string {
  const sorted = spans
    .map(s => ({ start: Math.max(0, s.start - base), end: Math.min(text.length, s.end - base), kind: s.kind }))
    .filter(s => s.end > s.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  let html = '';
  let at = 0;
  for (const s of sorted) {
    if (s.start < at) continue; // inside a span already marked
    html += escapeHtml(text.slice(at, s.start)) + `<mark class="${s.kind}">${escapeHtml(text.slice(s.start, s.end))}</mark>`;
    at = s.end;
  }
  return html + escapeHtml(text.slice(at));
}

/** The file name of a document URI string, for labels. */
export function fileLabel(path: string): string {
  const uri = vscode.Uri.parse(path);
  return uri.path.split('/').pop() || path;
}

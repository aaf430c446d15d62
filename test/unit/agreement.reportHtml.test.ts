import { strict as assert } from 'node:assert';
import { computeAgreement, type ReviewedDocument } from '../../src/core';
import { reportHtml } from '../../src/vscode/agreement/reportHtml';

const evil = '<img src=x onerror=alert(1)>';
const doc: ReviewedDocument = {
  path: `news/${evil}.txt`,
  length: 50,
  reviewers: [`Ann ${evil}`, 'Bob "the" <b>'],
  spans: [
    { reviewer: `Ann ${evil}`, id: 'a', start: 0, end: 5, quote: 'x', label: `label ${evil}`, status: 'confirmed', origin: { in: 'sidecar' } },
    { reviewer: 'Bob "the" <b>', id: 'b', start: 0, end: 5, quote: 'x', label: 'place', status: 'confirmed', origin: { in: 'sidecar' } },
    { reviewer: 'Bob "the" <b>', id: 'c', start: 9, end: 12, quote: 'y', label: 'place', status: 'confirmed', origin: { in: 'sidecar' } },
  ],
};

describe('agreement report page (webview HTML)', () => {
  const report = computeAgreement([doc], doc.reviewers);
  const html = reportHtml(report, { nonce: 'N0nce', cspSource: 'vscode-resource:', comparison: 'by author' });

  it('escapes every text from sidecars and paths', () => {
    assert.ok(!html.includes('<img'), 'no markup from the data');
    assert.ok(!html.includes('<b>'));
    assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'));
    assert.ok(html.includes('Bob &quot;the&quot; &lt;b&gt;'));
  });

  it('has a strict content security policy: no inline script or style without the nonce, no remote content', () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1];
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'nonce-N0nce'/);
    assert.match(csp, /style-src 'nonce-N0nce'/);
    for (const tag of html.match(/<(script|style)\b[^>]*>/g)!) assert.match(tag, /nonce="N0nce"/);
    assert.ok(!/\sstyle="/.test(html), 'no inline style attributes (the CSP would block them)');
    assert.ok(!/\son\w+="/.test(html), 'no inline event handlers');
  });

  it('draws a chart per label and is usable from the keyboard (buttons, table headers, labelled charts)', () => {
    const charts = html.match(/<svg [^>]*role="img" aria-label="[^"]*"/g) ?? [];
    assert.equal(charts.length, Object.keys(report.perLabel).length);
    assert.match(html, /<button id="csv"/);
    assert.match(html, /<button class="link" data-path="news\/&lt;img/);
  });
});

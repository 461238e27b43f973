// Large github.com-like pages that hold no agenda, built locally: a long issue thread and a big diff. They have
// what such pages have (dates in text, @mentions, #references, code) but no date headings, so no meetings.

/** An issue thread of `comments` comments, each a few paragraphs with links, mentions and a code block. */
export function issueThreadPage(comments: number): string {
  const parts: string[] = [];
  for (let i = 1; i <= comments; i++) {
    parts.push(
      `<div class="timeline-comment" id="issuecomment-${i}"><div class="timeline-comment-header"><strong>user${i % 97}</strong>` +
        ` commented on Mar ${(i % 28) + 1}, 2024</div><div class="comment-body markdown-body">` +
        `<p>Thanks @reviewer${i % 13}, I tried this on v1.${i % 30}.${i % 7} and it still fails; see #${1000 + i} and ` +
        `<a href="https://github.com/kubernetes/kubernetes/pull/${60000 + i}">kubernetes/kubernetes#${60000 + i}</a>.</p>` +
        `<p>Steps: 1. create the pod, 2. wait (about ${i % 60} s), 3. check the events. Expected: Ready. Got: CrashLoopBackOff.</p>` +
        `<pre><code>kubectl get pods -n ns-${i} -o wide\nNAME READY STATUS RESTARTS AGE\npod-${i} 0/1 Error ${i % 9} ${i % 50}m</code></pre>` +
        `<ul><li>node: node-${i % 40}</li><li>runtime: containerd 1.${i % 8}</li></ul></div></div>`,
    );
  }
  return `<!doctype html><html><head><title>Pods fail to start · Issue #123456</title></head><body>
<div class="js-discussion">${parts.join('\n')}</div></body></html>`;
}

/** A pull request's diff of `lines` lines across files of 500 lines each, as a table of numbered code lines. */
export function bigDiffPage(lines: number): string {
  const files: string[] = [];
  for (let start = 0; start < lines; start += 500) {
    const rows: string[] = [];
    for (let n = start; n < Math.min(lines, start + 500); n++) {
      const sign = n % 5 === 0 ? '+' : n % 7 === 0 ? '-' : ' ';
      rows.push(
        `<tr><td class="blob-num">${n + 1}</td><td class="blob-code"><span class="marker">${sign}</span>` +
          `  if err := r.client.Get(ctx, key, obj${n}); err != nil { return fmt.Errorf("get %s: %w", key, err) }</td></tr>`,
      );
    }
    files.push(
      `<div class="file"><div class="file-header">pkg/controller/file_${start / 500}.go</div><table class="diff-table">${rows.join('')}</table></div>`,
    );
  }
  return `<!doctype html><html><head><title>Refactor the controller · Pull Request #98765</title></head><body>
<div id="files">${files.join('\n')}</div></body></html>`;
}

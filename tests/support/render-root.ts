// A fresh element for each component test to render into, in the page's body, emptied and removed after the test.
import { render } from 'preact';
import { afterEach, beforeEach } from 'vitest';

/** Registers the hooks; `use` is given each test's element. */
export function freshRoot(use: (root: HTMLElement) => void): void {
  let root: HTMLElement;
  beforeEach(() => {
    root = document.createElement('div');
    document.body.append(root);
    use(root);
  });
  afterEach(() => {
    render(null, root);
    root.remove();
  });
}

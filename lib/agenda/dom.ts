// Selector look-ups that survive any document. Browsers match selectors natively; happy-dom (the
// command line, the tests) matches them by recursion and overflows the stack on a page nested a
// few thousand deep. Then we fall back to one iterative walk.

/** `root.querySelector(selector)`, or the same answer found iteratively when that fails. */
export function findFirst(root: ParentNode, selector: string): Element | null {
  try {
    return root.querySelector(selector);
  } catch {
    return walkElements(root, selector, true)[0] ?? null;
  }
}

/** `root.querySelectorAll(selector)`, or the same answer found iteratively when that fails. */
export function findAll(root: ParentNode, selector: string): Element[] {
  try {
    return Array.from(root.querySelectorAll(selector));
  } catch {
    return walkElements(root, selector, false);
  }
}

function walkElements(root: ParentNode, selector: string, firstOnly: boolean): Element[] {
  const found: Element[] = [];
  const stack: Element[] = Array.from(root.children).reverse();
  while (stack.length > 0) {
    const el = stack.pop() as Element;
    if (safeMatches(el, selector)) {
      found.push(el);
      if (firstOnly) break;
    }
    const kids = el.children;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i] as Element);
  }
  return found;
}

function safeMatches(el: Element, selector: string): boolean {
  try {
    return el.matches(selector);
  } catch {
    return false;
  }
}

// A state of the panel told in words: loading, no agenda here, cannot reach the page.
import type { ComponentChildren } from 'preact';

interface Props {
  title: string;
  children?: ComponentChildren;
  tone?: 'info' | 'warning';
}

export function PanelMessage({ title, children, tone = 'info' }: Props) {
  return (
    <div class={`panel-message panel-message--${tone}`} role={tone === 'warning' ? 'alert' : 'status'}>
      <h2 class="panel-message__title">{title}</h2>
      {children && <div class="panel-message__body">{children}</div>}
    </div>
  );
}

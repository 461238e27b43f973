// Copies a meeting's address in its page, to paste in chat; says whether it worked, and shows the address
// to copy by hand when the clipboard refuses.
import { useState } from 'preact/hooks';

type Outcome = { kind: 'idle' } | { kind: 'copied' } | { kind: 'refused' };

export function CopyLinkButton({ address, label }: { address: string; label: string }) {
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  return (
    <p class="detail__share">
      <button
        type="button"
        class="copy-link"
        title={address}
        onClick={async () => {
          try {
            await navigator.clipboard.writeText(address);
            setOutcome({ kind: 'copied' });
          } catch {
            setOutcome({ kind: 'refused' });
          }
        }}
      >
        {label}
      </button>
      <span class="copy-link__outcome" role="status">
        {outcome.kind === 'copied' && 'Copied'}
        {outcome.kind === 'refused' && (
          <>
            The clipboard refused; copy it here:{' '}
            <input
              class="copy-link__address field"
              readOnly
              value={address}
              onFocus={(e) => e.currentTarget.select()}
            />
          </>
        )}
      </span>
    </p>
  );
}

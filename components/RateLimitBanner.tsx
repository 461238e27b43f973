// What stops or limits GitHub look-ups, said once at the top of the panel rather than on every badge: a
// refused token, a rate limit and when it ends, no network, a server error, a nearly spent anonymous quota.
import type { GitHubStatus } from '../lib/panel/github-status';
import './github-status.css';

interface Props {
  status: Pick<GitHubStatus, 'banner' | 'refresh' | 'refreshing'>;
  /** Opens the options page; by default `runtime.openOptionsPage()`. */
  openOptions?: () => void;
}

function openOptionsPage(): void {
  void browser.runtime.openOptionsPage();
}

export function RateLimitBanner({ status, openOptions = openOptionsPage }: Props) {
  const banner = status.banner.value;
  if (!banner) return null;
  const refreshing = status.refreshing.value;
  return (
    <div
      class={`status-banner status-banner--${banner.tone}`}
      role={banner.tone === 'info' ? 'status' : 'alert'}
      data-banner={banner.kind}
    >
      <p class="status-banner__message">{banner.message}</p>
      <div class="status-banner__actions">
        {banner.offerOptions && (
          <button type="button" onClick={openOptions}>
            {banner.kind === 'bad-token'
              ? 'Change the token'
              : banner.kind === 'offline'
                ? 'Check the settings'
                : 'Add a token'}
          </button>
        )}
        {banner.kind !== 'low-quota' && (
          <button type="button" onClick={() => void status.refresh()} disabled={refreshing}>
            {refreshing ? 'Trying…' : 'Try again'}
          </button>
        )}
      </div>
    </div>
  );
}

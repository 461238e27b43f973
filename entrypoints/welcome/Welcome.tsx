// The page a new user sees once, on install: what the overlay does, how to open it, agendas to try.
import { AGENDAS_TO_TRY } from '@/lib/sources/agendas-to-try';

export function Welcome({ firefox }: { firefox: boolean }) {
  return (
    <div class="options welcome">
      <h1>Agenda Overlay is installed</h1>
      <p class="welcome__lead">
        It turns a long meeting-agenda document into an index beside it: every meeting, newest first, with its items,
        the people in them and the live status of every GitHub pull request and issue they mention. Jump to any meeting,
        search and filter, and keep private notes and follows that stay in this browser.
      </p>
      <h2>Open it</h2>
      <ul>
        <li>
          Open an agenda, then click the Agenda Overlay button in the toolbar
          {firefox
            ? ' (or View › Sidebar › Agenda Overlay)'
            : ' (pin it from the puzzle-piece menu to keep it in sight)'}
          .
        </li>
        <li>
          Or press <kbd>Alt</kbd>+<kbd>Shift</kbd>+<kbd>A</kbd>. Change the shortcut at{' '}
          {firefox ? 'about:addons › ⚙ › Manage Extension Shortcuts' : 'chrome://extensions/shortcuts'}.
        </li>
      </ul>
      <h2>Try it on a real agenda</h2>
      <ul>
        {AGENDAS_TO_TRY.map((agenda) => (
          <li key={agenda.href}>
            <a href={agenda.href}>{agenda.title}</a>
          </li>
        ))}
      </ul>
      <p>
        Every Kubernetes SIG keeps the same kind of document, and so do many other groups: Google Docs (the editor asks
        you once to allow reading its export), their published pages, and Markdown files on GitHub are read as they are.
        For another site built the same way, right-click the toolbar button there and choose “Read agendas on this
        site”.
      </p>
      <h2>What stays private</h2>
      <p>
        Notes, follows and ticks live in this browser only. The only things sent anywhere are the{' '}
        <code>owner/repo#number</code> of the GitHub references you look at, to the GitHub API, and, in the Docs editor
        once you allow it, Google’s own download of the document you have open. Set a GitHub token or a GitHub
        Enterprise address in <a href="options.html">Options</a>.
      </p>
    </div>
  );
}

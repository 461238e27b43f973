// The side panel's first script: a classic one, run while its page is still being read, before the panel's code
// has loaded. It asks the tab for its agenda so that the answer is on its way while that code compiles
// (lib/panel/first-opening.ts). Loaded by entrypoints/sidepanel/index.html.
import { askOpening } from '@/lib/panel/first-opening';
import { browserPageLink } from '@/lib/panel/page-link';

export default defineUnlistedScript(() => askOpening(browserPageLink(location.search)));

// Real agendas a new user can open to see the overlay at work: the welcome page and the panel beside a page it
// cannot read both offer them.

export const AGENDAS_TO_TRY: readonly { title: string; href: string }[] = [
  {
    title: 'SIG Auth’s 2018 meetings (archive on GitHub)',
    href: 'https://github.com/kubernetes/community/blob/master/sig-auth/archive/meeting-notes-2018.md',
  },
  {
    title: 'SIG Auth’s live agenda (Google Docs)',
    href: 'https://docs.google.com/document/d/1woLGRoONE3EBVx-wTb4pvp4CI7tmLZ6lS26VTbosLKM/edit',
  },
];

import { render } from 'preact';
import { browserSitesLink, CustomSites } from './CustomSites';
import { browserDocsAccessLink, GoogleDocsAccess } from './GoogleDocsAccess';
import { OptionsPage } from './OptionsPage';
import { browserOptionsLink } from './options-link';
import '@/components/theme.css';
import './style.css';

render(
  <>
    <OptionsPage link={browserOptionsLink()} />
    <GoogleDocsAccess link={browserDocsAccessLink()} />
    <CustomSites link={browserSitesLink()} />
  </>,
  document.getElementById('app')!,
);

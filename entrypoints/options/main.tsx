import { render } from 'preact';
import { browserDocsAccessLink, GoogleDocsAccess } from './GoogleDocsAccess';
import { OptionsPage } from './OptionsPage';
import { browserOptionsLink } from './options-link';
import '@/components/theme.css';
import './style.css';

render(
  <>
    <OptionsPage link={browserOptionsLink()} />
    <GoogleDocsAccess link={browserDocsAccessLink()} />
  </>,
  document.getElementById('app')!,
);

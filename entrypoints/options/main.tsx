import { render } from 'preact';
import { OptionsPage } from './OptionsPage';
import { browserOptionsLink } from './options-link';
import '@/components/theme.css';
import './style.css';

render(<OptionsPage link={browserOptionsLink()} />, document.getElementById('app')!);

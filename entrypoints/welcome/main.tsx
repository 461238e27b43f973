import { render } from 'preact';
import { Welcome } from './Welcome';
import '@/components/theme.css';
import '../options/style.css';
import './style.css';

render(<Welcome firefox={import.meta.env.FIREFOX} />, document.getElementById('app')!);

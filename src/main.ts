import { mount } from 'svelte';
import App from './ui/App.svelte';
import './ui/app.css';
import { metrics } from './core/metrics';

// app.ready: from navigation start to the app being mounted and interactive.
const app = mount(App, { target: document.getElementById('app')! });
requestAnimationFrame(() => {
  metrics.record('app.ready', performance.now());
});

export default app;

import { mount } from '../oms-progress.js';

const log = document.getElementById('log');
const write = (line) => { log.textContent = `${new Date().toISOString().slice(11, 19)} ${line}\n${log.textContent}`; };

const handle = mount(document.getElementById('widget'), {
  projectId: 'np_steady_orders',
  interval: 2,
  lagWarn: 10,
  // Called before every request; a real portal would return its session token.
  headers: () => ({ 'X-Portal-Trace': 'example' }),
});

// The events bubble and cross the shadow root: one listener for the page.
document.addEventListener('oms-status-change', (e) => write(`${e.detail.projectId}: ${e.detail.from} → ${e.detail.to}`));
document.addEventListener('oms-error', (e) => write(`${e.detail.projectId}: ${e.detail.kind} ${e.detail.code ?? ''} ${e.detail.message}`));
document.addEventListener('oms-progress-update', (e) => write(`${e.detail.projectId}: ${e.detail.status} ${e.detail.currentStep ?? ''}`));

let other = false;
document.getElementById('switch').addEventListener('click', () => {
  other = !other;
  handle.update({ projectId: other ? 'np_failed_billing' : 'np_steady_orders', interval: 2 });
});
document.getElementById('refresh').addEventListener('click', () => handle.refresh());
document.getElementById('unmount').addEventListener('click', () => handle.unmount());

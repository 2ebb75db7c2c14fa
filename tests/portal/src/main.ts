// The portal's plain TypeScript host: every mount() option, the handle and
// each event, typed by the package alone. Each event's detail is kept
// on `window.portalEvents` for the end-to-end test.
import { mount, type MountOptions, type OmsEventMap, type WidgetHandle } from 'oms-progress';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { createApp } from 'vue';
import { ReactPanel } from './ReactPanel';
import OpsPanel from './OpsPanel.vue';

declare global {
  interface Window {
    portalEvents: { [Name in keyof OmsEventMap]: OmsEventMap[Name]['detail'][] };
    portalHandle: WidgetHandle;
  }
}

window.portalEvents = {
  'oms-progress-update': [],
  'oms-status-change': [],
  'oms-error': [],
  'oms-health-change': [],
  'oms-attention-change': [],
  'oms-cutover-change': [],
};

const options: MountOptions = {
  projectId: 'np_steady_orders',
  api: 'sync',
  baseUrl: '',
  interval: 2,
  timeout: '10',
  maxBackoff: 60,
  lagWarn: 25,
  lagCritical: 300,
  lang: 'en-GB',
  compact: false,
  credentials: 'same-origin',
  headers: () => ({ 'X-Portal-Trace': 'portal-test' }),
};

const target = document.getElementById('mounted');
if (!target) throw new Error('no #mounted');
const handle = mount(target, options);
handle.refresh();
window.portalHandle = handle;
// A project OMS does not know: its failed polls are `oms-error` events.
mount(document.getElementById('missing')!, { projectId: 'np_not_in_oms', interval: 1 });

document.addEventListener('oms-progress-update', (e) => {
  const percent: number | null = e.detail.fullProgress;
  window.portalEvents['oms-progress-update'].push({ ...e.detail, fullProgress: percent });
});
document.addEventListener('oms-status-change', (e) => {
  window.portalEvents['oms-status-change'].push(e.detail);
  if (e.detail.to === 'FAILED') console.warn(`${e.detail.projectId} failed (was ${e.detail.from})`);
});
document.addEventListener('oms-error', (e) => {
  const { source, kind, code, message, advice, httpStatus, requestId } = e.detail;
  window.portalEvents['oms-error'].push({ projectId: e.detail.projectId, source, kind, code, message, advice, httpStatus, requestId });
});

// A portal routing alerts its own way: which project, in which OMS, from what to what.
document.addEventListener('oms-attention-change', (e) => {
  const { projectId, source, title, from, to } = e.detail;
  window.portalEvents['oms-attention-change'].push(e.detail);
  if (to === 'failed' || to === 'stuck') console.warn(`${source ?? 'OMS'}: ${title} (${projectId}) ${from} → ${to}`);
});
// A runbook that waits for the switch-over: which check holds it back.
document.addEventListener('oms-cutover-change', (e) => {
  const { projectId, to, blocking, line, checks } = e.detail;
  window.portalEvents['oms-cutover-change'].push(e.detail);
  if (to === 'not-ready' && blocking === 'lag-held' && checks.lag === 'true') console.info(`${projectId}: ${line}`);
});
document.addEventListener('oms-health-change', (e) => {
  window.portalEvents['oms-health-change'].push(e.detail);
  if (e.detail.stuck !== null) console.warn(`${e.detail.projectId} stuck since ${new Date(e.detail.stuckSince ?? 0).toISOString()}`);
});

// The element, typed by HTMLElementTagNameMap.
const element = document.createElement('oms-sync-progress');
element.setAttribute('project-id', 'np_failed_billing');
element.setAttribute('compact', '');
element.headers = () => ({ 'X-Portal-Trace': 'element' });
element.credentials = 'same-origin';
document.getElementById('plain')?.append(element);
element.refresh();

createRoot(document.getElementById('react')!).render(createElement(ReactPanel));
createApp(OpsPanel, { projectId: 'np_lagging_audit' }).mount('#vue');

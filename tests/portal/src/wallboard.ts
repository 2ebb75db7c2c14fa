// The wallboard's types, checked by tsc (type-only: the portal's bundle
// stays the widget's module alone). A portal builds an <oms-wallboard> from
// typed attributes and hears its events with their typed details.
import type { OmsWallboardAttributes, OmsWallboardElement, OmsWallGroup } from 'oms-progress/wallboard';

const group: OmsWallGroup = 'far-behind';
const attributes: OmsWallboardAttributes = {
  oms: 'bj:/oms-bj,hz:/oms-hz',
  source: 'hz',
  interval: 10,
  lang: 'zh-CN',
  type: 'sync',
  status: 'FAILED,RUNNING',
  label: 'prod',
  search: 'orders',
  group,
};

export function wallboard(): OmsWallboardElement {
  const wall = document.createElement('oms-wallboard');
  for (const [name, value] of Object.entries(attributes)) wall.setAttribute(name, String(value));
  wall.credentials = 'include';
  wall.headers = () => ({ 'X-Portal': 'ops' });
  wall.addEventListener('oms-status-change', (e) => console.info(e.detail.projectId, e.detail.from, e.detail.to));
  wall.addEventListener('oms-error', (e) => console.warn(e.detail.projectId || 'the list', e.detail.source, e.detail.kind));
  wall.addEventListener('oms-attention-change', (e) => console.info(e.detail.source, e.detail.projectId, e.detail.to));
  wall.refresh();
  return wall;
}

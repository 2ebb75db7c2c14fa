// React 19 hosts: the README's wrapper around mount(), and the element
// itself with an event prop (typed by 'oms-progress/react').
import { useState } from 'react';
import type {} from 'oms-progress/react';
import { OmsProgress } from './OmsProgress';

export function ReactPanel() {
  const [seen, setSeen] = useState<string[]>([]);
  return (
    <div>
      <h2>React</h2>
      <OmsProgress projectId="np_finished_archive" onStatusChange={(d) => setSeen((s) => [...s, `wrapper:${d.to}`])} />
      <oms-sync-progress
        project-id="np_suspended_crm"
        interval={3}
        lang="zh-CN"
        onoms-status-change={(e) => setSeen((s) => [...s, `element:${e.detail.to}`])}
      />
      <output data-testid="react-seen">{seen.join(' ')}</output>
    </div>
  );
}

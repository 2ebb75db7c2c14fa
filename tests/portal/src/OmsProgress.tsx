import { useEffect, useRef } from 'react';
import { mount, type OmsStatusChangeDetail } from 'oms-progress';

export function OmsProgress({ projectId, onStatusChange }: {
  projectId: string;
  onStatusChange?: (detail: OmsStatusChangeDetail) => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  // The newest callback, without restarting the widget when it changes.
  const latest = useRef(onStatusChange);
  useEffect(() => { latest.current = onStatusChange; });
  useEffect(() => {
    const element = ref.current!;
    const handle = mount(element, { projectId });
    const listener = (e: CustomEvent<OmsStatusChangeDetail>) => latest.current?.(e.detail);
    element.addEventListener('oms-status-change', listener);
    return () => { element.removeEventListener('oms-status-change', listener); handle.unmount(); };
  }, [projectId]);
  return <div ref={ref} />;
}

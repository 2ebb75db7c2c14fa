// Deliberate mistakes in React 19 JSX (see mount.ts).
import type {} from 'oms-progress/react';

export const missing = <oms-sync-progress interval={5} />; // mistake: project-id missing
export const wrongField = <oms-sync-progress project-id="np_1" onoms-error={(e) => e.detail.to} />; // mistake: an error has no to
export const fine = <oms-sync-progress project-id="np_1" compact onoms-error={(e) => e.detail.kind} />;

import type { LifecycleStatus } from '@precog/scd2-store';

/** Every lifecycle status, in lifecycle order. */
export const LIFECYCLE_STATUSES: readonly LifecycleStatus[] = Object.freeze([
  'draft',
  'testing',
  'active',
  'deprecated',
]);

/**
 * The allowed moves (DESIGN.md "Lifecycles"): draft → testing → active → deprecated, testing →
 * draft, and any non-deprecated status → deprecated. `deprecated` is final.
 */
export const ALLOWED_TRANSITIONS: Readonly<Record<LifecycleStatus, readonly LifecycleStatus[]>> =
  Object.freeze({
    draft: Object.freeze(['testing', 'deprecated'] as LifecycleStatus[]),
    testing: Object.freeze(['active', 'draft', 'deprecated'] as LifecycleStatus[]),
    active: Object.freeze(['deprecated'] as LifecycleStatus[]),
    deprecated: Object.freeze([] as LifecycleStatus[]),
  });

/** Whether a version may move from `from` to `to` (the same status is not a transition). */
export function isAllowedTransition(from: LifecycleStatus, to: LifecycleStatus): boolean {
  return ALLOWED_TRANSITIONS[from].includes(to);
}

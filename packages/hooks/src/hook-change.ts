import type { HookName } from "./hook-names.js";

export type HookAction =
  /** install: a new hook file. */
  | "created"
  /** install: handoff's block added to an existing husky hook file. */
  | "added"
  /** install: an existing hook moved to `<hook>.handoff-chained`, which the stub runs. */
  | "chained"
  /** install: handoff's stub or block brought up to date. */
  | "updated"
  | "unchanged"
  /** install or uninstall: left alone, for the reason in `detail`. */
  | "skipped"
  /** uninstall: handoff's stub or block taken out. */
  | "removed"
  /** uninstall: the chained hook put back in place of the stub. */
  | "restored"
  /** uninstall: a husky hook file that handoff had created, deleted. */
  | "deleted";

export interface HookChange {
  hook: HookName;
  file: string;
  action: HookAction;
  detail?: string;
}

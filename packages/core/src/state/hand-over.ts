import type { GitSnapshot } from "../git/snapshot.js";
import type { SessionState } from "../schema/session-state.js";
import { gitSection } from "./git-section.js";
import { isoTimestamp } from "./timestamp.js";

export interface HandOverOptions {
  to: string;
  /** The target's provider; `unknown` when nobody says. */
  provider?: string;
  reason?: string;
  /** The repository after a WIP commit or stash, when one was made. */
  snapshot: GitSnapshot;
  commit?: string;
  stash?: string;
  now?: Date;
}

/**
 * The reason recorded for this handoff before it happened (`save --reason`, or the spec's appended
 * `Escalation:` line); the reason of the handoff that brought the work to the source is history.
 */
function pendingReason(source: SessionState): string | undefined {
  return source.handoff?.to === source.agent ? undefined : source.handoff?.reason;
}

/**
 * The source's state as it stays once a handoff has taken its pending reason: without it, since
 * a reason belongs to the one handoff it was given for. Also returns that reason.
 */
export function takePendingReason(source: SessionState): { state: SessionState; reason: string | undefined } {
  const reason = pendingReason(source);
  if (reason === undefined) return { state: source, reason };
  const { reason: _taken, ...rest } = source.handoff!;
  const record = Object.keys(rest).length > 0 ? rest : undefined;
  const { handoff: _record, ...withoutRecord } = source;
  return { state: record ? { ...source, handoff: record } : withoutRecord, reason };
}

/** The source agent's state as the target agent's, with the record of the handoff. */
export function handOver(source: SessionState, options: HandOverOptions): SessionState {
  const at = isoTimestamp(options.now);
  const { commit, stash } = options;
  return {
    ...source,
    timestamp: at,
    agent: options.to,
    provider: options.provider ?? "unknown",
    git: gitSection(options.snapshot, source.git),
    handoff: {
      from: source.agent,
      from_provider: source.provider,
      to: options.to,
      reason: options.reason ?? pendingReason(source),
      at,
      ...(commit ? { commit } : {}),
      ...(stash ? { stash } : {}),
    },
    freshness: options.snapshot.freshness,
  };
}

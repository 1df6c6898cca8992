import { agentIn, writeHandOver, type OpenedRepo, type SessionState } from "@handoff/core/internal";

/**
 * Writes the fallback agent's state from `source`, as `handoff switch` does. Its own module: the
 * handover reads the target's previous state with the full (zod) parser, which a plain turn's save
 * must not load.
 */
export async function writeFallbackState(opened: OpenedRepo, source: SessionState, fallback: string, reason: string): Promise<void> {
  await writeHandOver({ opened, source, to: agentIn(opened, fallback), reason });
}

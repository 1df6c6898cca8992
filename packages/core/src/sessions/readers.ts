import { claudeReader } from "./claude.js";
import { codexReader } from "./codex.js";
import { geminiReader } from "./gemini.js";
import { opencodeReader } from "./opencode.js";
import type { SessionReader } from "./types.js";

const READERS: readonly SessionReader[] = [claudeReader, codexReader, geminiReader, opencodeReader];

/** The agents whose own sessions handoff can read. */
export const SESSION_AGENTS: readonly string[] = READERS.map((reader) => reader.agent);

export function sessionReaderFor(agent: string): SessionReader | undefined {
  return READERS.find((reader) => reader.agent === agent);
}

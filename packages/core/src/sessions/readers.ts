import { aiderReader } from "./aider.js";
import { ampReader } from "./amp.js";
import { antigravityReader } from "./antigravity.js";
import { claudeReader } from "./claude.js";
import { clineReader } from "./cline.js";
import { codexReader } from "./codex.js";
import { copilotReader } from "./copilot.js";
import { crushReader } from "./crush.js";
import { cursorReader } from "./cursor.js";
import { droidReader } from "./droid.js";
import { geminiReader } from "./gemini.js";
import { gooseReader } from "./goose.js";
import { kimiReader } from "./kimi.js";
import { opencodeReader } from "./opencode.js";
import { qwenReader } from "./qwen.js";
import { rooReader } from "./roo.js";
import type { SessionReader } from "./types.js";

const READERS: readonly SessionReader[] = [
  claudeReader,
  codexReader,
  geminiReader,
  opencodeReader,
  copilotReader,
  cursorReader,
  qwenReader,
  aiderReader,
  clineReader,
  rooReader,
  ampReader,
  gooseReader,
  crushReader,
  droidReader,
  kimiReader,
  antigravityReader,
];

/** The agents whose own sessions handoff can read. */
export const SESSION_AGENTS: readonly string[] = READERS.map((reader) => reader.agent);

export function sessionReaderFor(agent: string): SessionReader | undefined {
  return READERS.find((reader) => reader.agent === agent);
}

/** `handoff switch`: the spec's five steps, the summary, and delivering the prompt (--copy, --launch). */

export const sameAgent = (agent: string) =>
  `<from> and <to> are both ${agent}: a handoff goes to another agent (to change ${agent}'s provider: handoff save ${agent} --provider <name>)`;
export const LAUNCH_WITH_JSON = "--launch cannot be combined with --json";

export const switchTitle = (from: string, to: string) => `🔄 Session Handoff: ${from} → ${to}`;
export const stepSaving = (from: string) => `Step 1: Saving ${from} session state...`;
export const sessionSaved = (file: string) => `✅ Session saved to ${file}`;
export const handedOverSecrets = (file: string) => `${file} in what is handed over`;
export const STEP_GIT = "Step 2: Git status check...";
export const TREE_CLEAN = "✅ Working tree clean";
export const wipCommitMessage = (task: string, to: string) => `wip: ${task} (switching to ${to})`;
export const WORK_IN_PROGRESS = "work in progress";
export const committed = (count: number, commit: string) => `✅ Committed ${count} changed file(s) as ${commit} (undo with: git reset HEAD~1)`;
export const stashMessage = (from: string) => `${from} session handoff`;
export const stashed = (count: number, stash: string) => `✅ Stashed ${count} changed file(s) as "${stash}" (restore with: git stash pop)`;
export const NOTHING_TO_STASH = "✅ Nothing to stash besides .gitignore";
export const uncommitted = (count: number) => `⚠️  Uncommitted changes detected (${count} files)`;
export const UNCOMMITTED_HINT = "   Consider committing before switching agents (--commit or --stash)";
export const STEP_VALIDATION = "Step 3: Validation status...";
export const stepRestoring = (to: string) => `Step 4: Restoring ${to} session state...`;
export const previousStateKept = (to: string, file: string) => `📦 ${to}'s previous state (another task) was kept as ${file}`;
export const previousStateMovedAside = (to: string, file: string) => `⚠️  ${to}'s previous state could not be read; it was moved to ${file}`;

export const STEP_COMPLETE = "Step 5: Handoff complete!";
export const readyIn = (to: string) => `✨ Ready to continue in ${to}`;
export const runCommand = (command: string) => `   Run: ${command}`;
export const SUMMARY_TITLE = "📝 Handoff Summary:";
export const summaryFrom = (who: string) => `   From: ${who}`;
export const summaryTo = (who: string) => `   To: ${who}`;
export const summaryReason = (reason: string) => `   Reason: ${reason}`;
export const summaryFiles = (count: number) => `   Files in progress: ${count}`;
export const summaryNext = (step: string) => `   Next action: ${step}`;

/** --copy and --launch. */
export const onClipboard = (agent: string, tool: string) => `📋 The prompt for ${agent} is on the clipboard (${tool})`;
export const noClipboard = (tools: string, agent: string) =>
  `⚠️  No clipboard tool found (tried ${tools}); print the prompt with: handoff restore ${agent} --prompt`;
export const promptThroughFile = (agent: string) => `📄 The prompt is too large for a command line: ${agent} gets it through a temporary file`;
export const nothingToLaunch = (label: string, agent: string) =>
  `⚠️  ${label} has no command-line program to launch; paste the prompt from: handoff restore ${agent} --prompt`;
export const notOnPath = (command: string) => `⚠️  ${command} is not on PATH; once it is installed, run:`;
export const manualCommand = (command: string) => `   ${command}`;

/** What the agent is told instead of the prompt: where to read it, and that it is its starting context. */
export const promptFileReference = (file: string) =>
  `The handoff prompt for this session is too long for a command line, so it is in this file: ${file}\n` +
  "Read the whole file first: it is your starting context (a record of the earlier session and what to do next).";


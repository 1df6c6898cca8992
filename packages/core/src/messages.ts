/**
 * The messages and hints of core's HandoffErrors, the texts a user reads when handoff stops: named
 * constants and small functions returning strings, with no imports, so that every module can use
 * them without loading anything. Core never prints: the CLI shows them (packages/cli/src/messages/
 * has its own texts). The codes stay beside the throws: they are the contract, these are the words.
 */

/** Repositories and git. */
export const notGitRepo = (cwd: string) => `${cwd} is not inside a git repository`;
export const NOT_GIT_REPO_HINT = "cd into your project's checkout, or run `git init` first";
export const bareOrGitDir = (cwd: string) => `${cwd} is a bare repository or a git directory: it has no work tree`;
export const bareRepo = (cwd: string) => `${cwd} is a bare repository: it has no work tree`;
export const BARE_REPO_HINT = "run handoff inside a checkout (a clone or a worktree) of the repository";
export const revParseFailed = (cwd: string, output: string) => `git rev-parse failed in ${cwd}: ${output}`;
export const gitCouldNotStart = (reason: string) => `git could not be started: ${reason}`;
export const GIT_NOT_STARTED_HINT = "install git and put it on PATH";
export const gitFailed = (command: string, cwd: string, reason: string) => `${command} failed in ${cwd}: ${reason}`;
export const exitCode = (code: number | null) => `exit code ${code}`;

/** `switch --commit` and `--stash`. */
export const wipFailed = (action: string, detail: string) => `${action} failed; nothing was lost, your changes are still in the work tree:\n${detail}`;
export const WIP_FAILED_HINT = "fix what git reports above (a failing pre-commit hook, say) and run the command again";
export const HOW_TO_END = {
  merge: "git merge --continue or git merge --abort",
  rebase: "git rebase --continue or git rebase --abort",
  am: "git am --continue or git am --abort",
  "cherry-pick": "git cherry-pick --continue or git cherry-pick --abort",
  revert: "git revert --continue or git revert --abort",
} as const;
export const wouldDo = (action: "commit" | "stash") =>
  `--${action} would ${action === "commit" ? "stage the conflict markers and conclude it" : "fail on the unmerged files"}`;
export const operationUnderway = (operation: string, what: string) => `A git ${operation} is in progress: ${what}; nothing was changed`;
export const operationInProgressHint = (howToEnd: string, action: string) =>
  `finish it or abandon it first (${howToEnd}), then switch again; or switch without --${action}`;
export const unmergedFiles = (action: string) => `The index has unmerged (conflicted) files: --${action} is refused; nothing was changed`;
export const UNMERGED_HINT = "resolve the conflicts and `git add` the files (or `git checkout --merge` them), then switch again";
export const notObjectId = (id: string) => `"${id}" is not a full git object id`;

/** Agents and the config. */
export const unknownAgent = (name: string) => `Unknown agent "${name}"`;
export const unknownAgentHint = (known: string[]) => `known agents: ${known.join(", ")}; add more in handoff.config.json under "agents"`;
export const stateFileOutside = (field: string, file: string) => `${field}: "${file}" must be the path of a file inside the repository, relative to its root`;
export const stateFileReserved = (field: string, file: string, reserved: string) =>
  `${field}: "${file}" points at "${reserved}", which belongs to git or handoff; a state file must be a file of its own`;
export const stateFilePathHint = (name: string) => `use a path such as ".${name}/.session-state.json"`;
export const configUnreadable = (file: string, reason: string) => `${file} cannot be read: ${reason}`;
export const CONFIG_SYNTAX_HINT = "fix the JSON syntax there (a trailing comma or a missing quote, usually)";
export const configInvalid = (file: string, lines: string[]) => `${file} is invalid:\n  ${lines.join("\n  ")}`;
export const CONFIG_INVALID_HINT = "correct the fields named above; the README's Configuration section lists them";
export const unusableRules = (file: string, problems: string[]) => `${file} has unusable rules:\n  ${problems.join("\n  ")}`;
export const UNUSABLE_RULES_HINT = "correct the rules named above; docs/rules.md describes the fields";

/** State files. */
export const noState = (agent: string) => `No session state found for ${agent}`;
export const noStateHint = (agent: string) => `Run: npm run session:save ${agent}   (or: handoff save ${agent})`;
export const stateNotInSchema = (file: string, lines: string[]) => `${file} does not match session state v2.0:\n  ${lines.join("\n  ")}`;
export const protoKey = (at: string) => `${at}: a key named __proto__ cannot be kept`;
export const PROTO_KEY_HINT = "rename or remove that key, or run `handoff save <agent>`: it keeps a backup and writes a fresh state";
export const SCHEMA_HINT = "correct the fields named above, or run `handoff save <agent>`: it keeps a backup and writes a fresh state";
export const INVALID_JSON_HINT = "fix the file by hand, or run `handoff save <agent>`: it keeps a backup of the broken file and writes a fresh one";
export const stateFileTooLarge = (file: string, size: number, limit: number) => `${file} is ${size} bytes, over the ${limit}-byte limit`;
export const STATE_TOO_LARGE_HINT = "a session state is a few kilobytes; move the file away and run `handoff save <agent>`";
export const nestedTooDeep = (file: string, line: number, column: number, depth: number) => `${file}:${line}:${column}: nested deeper than ${depth} levels`;
export const NESTED_TOO_DEEP_HINT = "a session state nests a few levels; move the file away and run `handoff save <agent>`";
export const stateWouldBeTooLarge = (file: string, size: number, limit: number) =>
  `${file} would be ${size} bytes, over the ${limit}-byte limit handoff reads; nothing was written`;
export const STATE_WOULD_BE_TOO_LARGE_HINT = "shorten what was given to save (the task, the next steps, the commands or file lists)";
export const misplacedState = (field: string, problem: string) => `${field}: ${problem}; a state file must be an untracked file of its own in the work tree`;
export const stateFileOf = (agent: string, file: string) => `the state file of ${agent} ("${file}", its default)`;
export const quoted = (file: string) => `"${file}"`;
export const setFieldElsewhere = (field: string, configFile: string) => `set ${field} in ${configFile} to another path`;
export const giveAnotherFile = (agent: string | undefined, configFile: string) =>
  `give ${agent ?? "the agent"} another state file in ${configFile}: "agents": { "${agent ?? "<agent>"}": "<path>" }`;
export const IS_A_FOLDER = "is a folder";
export const moveFolderAway = (where: string) => `${where}, or move the folder away`;
export const TRACKED_FILE = "is a file tracked by git";
export const trackedFiles = (count: number) => `holds ${count} file(s) tracked by git`;
export const untrackIt = (where: string, file: string) => `${where}; or, if this file is a state committed by mistake, untrack it: git rm --cached -- ${file}`;
export const symlinkLoops = (file: string) => `${file} is a symbolic link that loops`;
export const SYMLINK_LOOPS_HINT = "remove the link and run `handoff save <agent>`";
export const symbolicLink = (at: string) => `${at} is a symbolic link; handoff never writes through one`;
export const SYMBOLIC_LINK_HINT = "replace the link with a real file or folder (or remove it) and run the command again";
export const fileInPlaceOfFolder = (at: string) => `${at} is a file, but handoff keeps a state file inside a folder of that name`;
export const FILE_IN_PLACE_OF_FOLDER_HINT = "rename or move that file away and run the command again";
export const lockTakenOver = (lockFile: string) => `${lockFile} was taken over by another handoff command while this one was stalled`;
export const LOCK_TAKEN_OVER_HINT = "nothing was written, so the newer save stands; run the command again";
export const lockHeld = (lockFile: string, seconds: number) => `${lockFile} has been held for over ${seconds}s`;
export const LOCK_HELD_HINT = "another handoff command is writing this state; if none is running, delete the .lock file";

/** Files read with a size limit. */
export const NOT_A_REGULAR_FILE = "not a regular file";
export const notRegularFile = (file: string, kind: string) =>
  `${file} is ${kind === NOT_A_REGULAR_FILE ? kind : `${kind}, not a regular file`}; handoff reads only regular files`;
export const notRegularFileHint = (what: string | undefined) => `replace it with a plain file${what ? ` holding ${what}` : ""} (or remove it), then run the command again`;
export const fileOverLimit = (file: string, shown: string, maxBytes: number) => `${file} is ${shown}; handoff reads at most ${maxBytes} bytes of it`;
export const fileTooLargeHint = (what: string | undefined) => `shorten it${what ? ` (it should hold only ${what})` : ""}, or remove it, then run the command again`;

/** handoff push and pull. */
export const notARefName = (what: string, ref: string) => `${what} cannot name a ref: "${ref}"`;
export const REF_NAME_HINT = "handoff push and pull work on a branch whose name git accepts (git check-ref-format)";
export const DETACHED_HEAD = "HEAD is detached: handoff push and pull keep the states of a branch";
export const DETACHED_HEAD_HINT = "switch to the branch you work on (git switch <branch>) and run the command again";
export const refKeptMoving = (ref: string, remote: string, attempts: number) => `${ref} kept moving on ${remote} while handoff pushed it (${attempts} attempts)`;
export const REF_KEPT_MOVING_HINT = "someone is pushing the same branch's states right now; run `handoff push` again in a moment";
export const notACommit = (label: string) => `${label} does not point at a commit`;
export const NOT_WRITTEN_BY_PUSH_HINT = "it was not written by handoff push; delete it on the remote";
export const treeTooLarge = (label: string, size: number, limit: number) => `${label} holds a tree of ${size} bytes, over the ${limit}-byte limit`;
export const TREE_TOO_LARGE_HINT = "it was not written by handoff push; delete it on the remote (git push <remote> :<ref>)";
export const transportFailed = (action: string, remote: string, message: string) => `git ${action} ${remote} failed: ${message || "no message"}`;
export const transportFailedHint = (action: string, remote: string) =>
  `check that \`git ${action} ${remote}\` works here (remote, network, credentials), then run the command again`;
export const notARemote = (remote: string) => `"${remote}" is not a remote of this repository`;
export const useRemote = (remotes: string[]) => `use --remote with one of: ${remotes.join(", ")}`;
export const ADD_REMOTE_HINT = "add one first: git remote add origin <url>";

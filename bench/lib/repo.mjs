import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

const FILES_PER_FOLDER = 100;

function fileOf(root, index) {
  const folder = path.join(root, "src", `d${Math.floor(index / FILES_PER_FOLDER)}`);
  return { folder, file: path.join(folder, `f${index}.ts`) };
}

/**
 * A repository of `files` small source files, one commit, then `modifiedShare` of them changed
 * in the work tree. Files are written by node and added with one `git add`, which keeps even
 * 100,000 files within a minute.
 */
export function createBenchRepo(root, { files, modifiedShare, env }) {
  mkdirSync(root, { recursive: true });
  const git = (...args) => execFileSync("git", args, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"], maxBuffer: 1 << 28 });
  git("init", "-q", "-b", "main");
  git("config", "user.email", "bench@example.com");
  git("config", "user.name", "bench");
  git("config", "commit.gpgsign", "false");
  git("config", "gc.auto", "0");
  for (let i = 0; i < files; i++) {
    const { folder, file } = fileOf(root, i);
    if (i % FILES_PER_FOLDER === 0) mkdirSync(folder, { recursive: true });
    writeFileSync(file, `export const value${i} = ${i};\n`);
  }
  git("add", "-A");
  git("commit", "-q", "-m", "Initial import (#1)");
  const every = Math.round(1 / modifiedShare);
  for (let i = 0; i < files; i += every) writeFileSync(fileOf(root, i).file, `export const value${i} = ${i + 1};\n`);
  return root;
}

/**
 * Files written in the same second as the index are "racily clean": git re-reads them on every
 * status until the index is rewritten. Waiting a second and refreshing once puts every run,
 * handoff's and the floor's, on the same settled index.
 */
export async function settleIndex(root, env) {
  await new Promise((resolve) => setTimeout(resolve, 1100));
  execFileSync("git", ["update-index", "-q", "--refresh"], { cwd: root, env, stdio: "ignore" });
  execFileSync("git", ["status", "--porcelain"], { cwd: root, env, stdio: "ignore", maxBuffer: 1 << 28 });
}

// The floor `handoff save` is measured against: an empty node process that asks git what save
// needs (the whole status picture, and the last commit) and does nothing else.
import { execFileSync } from "node:child_process";

execFileSync("git", ["status", "--porcelain=v2", "-z", "--branch"]);
execFileSync("git", ["log", "-1"]);

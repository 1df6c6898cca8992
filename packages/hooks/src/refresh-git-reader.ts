// Its own module, imported on demand: git's readers bring simple-git with them, which a refresh
// needs only once it has a state file to refresh.
import { readGitSnapshot } from "@handoff/core";

export { readGitSnapshot };

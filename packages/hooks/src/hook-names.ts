/** Every hook handoff installs, in the order they are listed to the user. */
export const HOOK_NAMES = ["post-commit", "post-checkout", "post-merge", "post-rewrite", "pre-push"] as const;

export type HookName = (typeof HOOK_NAMES)[number];

/** The hooks that refresh the git part of the agents' state files, in the background. */
export const REFRESH_HOOKS = ["post-commit", "post-checkout", "post-merge", "post-rewrite"] as const satisfies readonly HookName[];

export type RefreshHook = (typeof REFRESH_HOOKS)[number];

export function isHookName(name: string): name is HookName {
  return (HOOK_NAMES as readonly string[]).includes(name);
}

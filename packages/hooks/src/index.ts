export const HOOK_NAMES = ["post-commit", "post-checkout", "post-merge", "post-rewrite", "pre-push"] as const;

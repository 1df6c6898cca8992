#!/usr/bin/env bash
# The README's quick start: a throwaway repository in which Claude Code hits a rate limit
# and the work goes on in OpenCode with Groq.
set -euo pipefail
bin="$(cd "$(dirname "$0")/.." && pwd)/packages/cli/dist/cli.cjs"
handoff() { node "$bin" "$@"; }
demo=$(mktemp -d "${TMPDIR:-/tmp}/handoff-demo-XXXXXX")
cd "$demo"
git init -q -b feat/42-nextauth-integration
git -c user.name=demo -c user.email=demo@example.com commit -q --allow-empty -m "chore: start nextauth integration (#41)"
mkdir -p lib app/api/auth
echo "export const auth = {};" > lib/auth.ts
echo "export { GET, POST } from '@/lib/auth';" > "app/api/auth/route.ts"
git add lib/auth.ts

echo "\$ handoff save claude --task ... --next ... --next ..."
handoff save claude --task "Implement user authentication with NextAuth" --priority high \
  --next "Add session provider to layout" --next "Test login flow" --provider claude-sonnet-4
echo
echo "\$ handoff switch claude opencode --provider groq_primary --reason \"Rate limit\""
handoff switch claude opencode --provider groq_primary --reason "Rate limit"
echo
echo "\$ handoff restore opencode --prompt"
handoff restore opencode --prompt
echo
echo "(demo repository: $demo)"

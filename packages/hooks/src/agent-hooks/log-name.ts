/** The hook log's name for an agent hook: `agent-claude`. */
export const agentHookLogName = (agent: string) => `agent-${agent}`;

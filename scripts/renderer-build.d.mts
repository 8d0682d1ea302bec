export function rendererIsStale(): Promise<boolean>;
export function ensureRendererBuilt(options?: { log?: (message: string) => void }): Promise<boolean>;

export const INSTALL_ADVICE: string;
export function findChromium(options?: { install?: boolean; log?: (line: string) => void }): Promise<string>;

export const electronPackageDir: string;
export function electronExecutable(): string | null;

export interface StartupBudget {
  scriptKb: number;
  styleKb: number;
}
export interface WeighedFile {
  file: string;
  rawKb: number;
  gzipKb: number;
}
export interface StartupReport {
  scripts: WeighedFile[];
  styles: WeighedFile[];
  scriptKb: number;
  scriptRawKb: number;
  styleKb: number;
  styleRawKb: number;
  withinBudget: boolean;
  budget: StartupBudget;
}
export const STARTUP_BUDGET: Readonly<StartupBudget>;
export function initialFiles(manifest: unknown): { scripts: string[]; styles: string[] };
export function measureStartup(outDir: string, budget?: StartupBudget, read?: (file: string) => Uint8Array): StartupReport;
export function formatReport(report: StartupReport): string;

export declare const sizeBudgetMB: { asar: number; unpacked: number };
export declare function checkUnpacked(appDir: string): string[];

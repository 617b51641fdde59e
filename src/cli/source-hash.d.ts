// Types of source-hash.js (plain JavaScript: scripts/build.js imports it too).
export declare const sourceHashInputs: readonly string[];
export declare function sourceFiles(root: string): Promise<string[] | undefined>;
export declare function sourceHash(root: string): Promise<string | undefined>;

// Types of floors.js (plain JS: eslint.config.js loads it without a build), for the tests that read it.
export declare const FLOORS: string[][];
export declare const INNER_FLOORS: Record<string, string[][]>;
export declare const PURE: Set<string>;
export declare function floorOf(floors: string[][], room: string): number;

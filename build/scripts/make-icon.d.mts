import type { Sharp } from 'sharp';
export declare const iconSource: string;
export declare const iconFile: string;
export declare function renderIcon(): Sharp;

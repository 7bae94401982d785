export declare function fnv1a(text: string, basis?: number): number;
export declare function unitHash(text: string): number;
export declare function digest64Hex(text: string): string;

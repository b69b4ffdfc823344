export declare const DEFAULT_DATABASE_URL: string;
export declare function databaseUrlFrom(env: Record<string, string | undefined>): string;

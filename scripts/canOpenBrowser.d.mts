export function canOpenBrowser(
  platform?: string,
  env?: Record<string, string | undefined>,
  has?: (command: string) => boolean,
): boolean;

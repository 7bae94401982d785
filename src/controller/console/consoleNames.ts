/**
 * Name checks the AWS consoles make before they call the API, with a message that says which rule a name
 * breaks. The services still validate every call; these only explain a refusal before it happens.
 */

const utf8Length = (s: string): number => new TextEncoder().encode(s).length;

/** S3 general purpose bucket naming rules (S3 User Guide, "Bucket naming rules"). */
export function bucketNameProblem(name: string): string | null {
  if (name.length < 3 || name.length > 63) return 'Bucket names must be 3 to 63 characters long.';
  if (/[A-Z]/.test(name)) return 'Bucket names cannot contain uppercase letters.';
  if (/[^a-z0-9.-]/.test(name))
    return 'Bucket names can contain only lowercase letters, numbers, dots (.) and hyphens (-).';
  if (!/^[a-z0-9]/.test(name) || !/[a-z0-9]$/.test(name))
    return 'Bucket names must begin and end with a letter or a number.';
  if (name.includes('..')) return 'Bucket names cannot contain two adjacent dots.';
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(name))
    return 'Bucket names cannot look like an IP address (such as 192.168.5.4).';
  const prefix = ['xn--', 'sthree-', 'amzn-s3-demo-'].find((p) => name.startsWith(p));
  if (prefix) return `Bucket names cannot start with the reserved prefix "${prefix}".`;
  const suffix = ['-s3alias', '--ol-s3', '.mrap', '--x-s3', '--table-s3'].find((s) => name.endsWith(s));
  if (suffix) return `Bucket names cannot end with the reserved suffix "${suffix}".`;
  return null;
}

/** An object key is 1 to 1,024 bytes of UTF-8. */
export function objectKeyProblem(key: string): string | null {
  if (key.length === 0) return 'Enter an object key.';
  if (utf8Length(key) > 1024) return 'Object keys can be at most 1,024 bytes long (UTF-8).';
  return null;
}

/** SQS: up to 80 alphanumerics, hyphens and underscores; a FIFO queue's name ends in ".fifo". */
export function queueNameProblem(name: string, fifo: boolean): string | null {
  const base = fifo ? name.replace(/\.fifo$/, '') : name;
  if (fifo && !name.endsWith('.fifo')) return 'A FIFO queue name must end with ".fifo".';
  if (!fifo && name.endsWith('.fifo')) return 'Only FIFO queues can have a name ending in ".fifo".';
  if (name.length < 1 || name.length > 80) return 'Queue names must be 1 to 80 characters long.';
  if (!/^[A-Za-z0-9_-]+$/.test(base))
    return 'Queue names can contain only letters, numbers, hyphens (-) and underscores (_).';
  return null;
}

/** DynamoDB: 3 to 255 letters, numbers, underscores, hyphens and dots. */
export function tableNameProblem(name: string): string | null {
  if (name.length < 3 || name.length > 255) return 'Table names must be 3 to 255 characters long.';
  if (!/^[A-Za-z0-9_.-]+$/.test(name))
    return 'Table names can contain only letters, numbers, underscores (_), hyphens (-) and dots (.).';
  return null;
}

/** DynamoDB attribute names for the key: 1 to 255 bytes. */
export function keyAttributeProblem(name: string): string | null {
  if (name.length === 0) return 'Enter the key attribute name.';
  if (utf8Length(name) > 255) return 'Key attribute names can be at most 255 bytes long.';
  return null;
}

/** SNS: up to 256 letters, numbers, hyphens and underscores; FIFO topics end in ".fifo". */
export function topicNameProblem(name: string): string | null {
  const base = name.replace(/\.fifo$/, '');
  if (base.length < 1 || name.length > 256) return 'Topic names must be 1 to 256 characters long.';
  if (!/^[A-Za-z0-9_-]+$/.test(base))
    return 'Topic names can contain only letters, numbers, hyphens (-) and underscores (_).';
  return null;
}

/** SQS and SNS message attribute names (SQS Developer Guide, "Message attribute components"). */
export function attributeNameProblem(name: string): string | null {
  if (name.length === 0 || name.length > 256) return 'Attribute names must be 1 to 256 characters long.';
  if (!/^[A-Za-z0-9_.-]+$/.test(name))
    return `Attribute name "${name}" can contain only letters, numbers, underscores (_), hyphens (-) and dots (.).`;
  if (name.startsWith('.') || name.endsWith('.') || name.includes('..'))
    return `Attribute name "${name}" cannot start or end with a dot or contain two dots in a row.`;
  if (/^(aws\.|amazon\.)/i.test(name)) return `Attribute name "${name}" uses a prefix reserved for AWS.`;
  return null;
}

/** API Gateway resource paths start with "/"; the console fixes a missing one. */
export function normalizePath(path: string): string {
  const trimmed = path.trim();
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

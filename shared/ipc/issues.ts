import type { z } from 'zod';
import type { FieldIssue } from './errors';

/** Flattens zod issues into "path: message" pairs, one per failing field. */
export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
}

export function describeIssues(issues: readonly FieldIssue[]): string {
  return issues.map((i) => `${i.path === '' ? '(input)' : i.path}: ${i.message}`).join('; ');
}

/**
 * Refusal of a risk computation because its inputs cannot describe a real position or plan
 * (a zero quantity, a stop on the wrong side of the entry, a bracket table with a gap).
 * `field` names the offending input so the CLI and the IPC layer can point at it.
 */
export class RiskInputError extends Error {
  override readonly name = 'RiskInputError';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
  }
}

export function requireThat(condition: boolean, field: string, message: string): asserts condition {
  if (!condition) throw new RiskInputError(field, message);
}

import { createHmac } from 'node:crypto';

/** The two random draws that decide how one cell's count is protected, each uniform in [0, 1). */
export interface CellNoise {
  /** Below the fringe probability: a count in the fringe is suppressed. */
  readonly suppress: number;
  /** Below (n mod b) / b: the count rounds up rather than down. */
  readonly round: number;
}

// 48 bits per draw: whole numbers a double holds exactly, so every draw is k / 2^48 with no bias.
const DRAW_BYTES = 6;
const DRAW_SPAN = 2 ** (8 * DRAW_BYTES);
// A guessable key would let an attacker recompute the noise and undo the rounding.
const LEAST_SECRET_BYTES = 16;

/**
 * The noise of one cell, keyed by the hub's secret: the same question always gets the same answer (asking
 * again averages nothing away), and different questions get independent draws (disjoint bytes of HMAC-SHA256).
 */
export function cellNoise(secret: Buffer, cellDefinition: string): CellNoise {
  if (secret.length < LEAST_SECRET_BYTES) throw new RangeError(`The disclosure secret must have at least ${LEAST_SECRET_BYTES} bytes`);
  const digest = createHmac('sha256', secret).update(cellDefinition, 'utf8').digest();
  return { suppress: digest.readUIntBE(0, DRAW_BYTES) / DRAW_SPAN, round: digest.readUIntBE(DRAW_BYTES, DRAW_BYTES) / DRAW_SPAN };
}

/**
 * The text that names a cell's question: keys sorted so the order they were written in does not matter,
 * and an absent part written '*' (all values), so "need not given" and "need = all" are the same question.
 * JSON keeps it unambiguous whatever characters the values hold.
 */
export function canonicalCellDefinition(parts: Readonly<Record<string, string | undefined>>): string {
  return JSON.stringify(
    Object.keys(parts)
      .sort()
      .map((key) => [key, parts[key] ?? '*']),
  );
}

import { readFileSync } from 'node:fs';
import type { Borough } from '@hub/vocabulary';

export interface GpPracticeRecord {
  id: string;
  name: string;
  borough: Borough;
  postcode: string;
}

export const GP_PRACTICE_FILE = 'config/gp-practices.thamesmead.json';

/** The practices the hub knows, found by id or by name (case and spacing ignored). */
export class GpPracticeList {
  private readonly byKey = new Map<string, GpPracticeRecord>();

  constructor(readonly practices: GpPracticeRecord[]) {
    for (const practice of practices) {
      this.byKey.set(keyOf(practice.id), practice);
      this.byKey.set(keyOf(practice.name), practice);
    }
  }

  static read(path = GP_PRACTICE_FILE): GpPracticeList {
    return new GpPracticeList((JSON.parse(readFileSync(path, 'utf8')) as { practices: GpPracticeRecord[] }).practices);
  }

  find(idOrName: string): GpPracticeRecord | undefined {
    return this.byKey.get(keyOf(idOrName));
  }
}

function keyOf(value: string): string {
  return value.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}

// Placeholder until the page's renderer lands.
import type { CheckData, Claim } from './types';
export function cardText(claim: Claim, data: CheckData): string {
  void data;
  return `${claim.text}: ${claim.figure} [${claim.departures.join(', ')}]`;
}

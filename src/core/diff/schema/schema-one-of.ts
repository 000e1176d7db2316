import { provablyDisjoint } from './schema-disjoint.js';
import { narrow, presence, same, show, unprovable, widen } from './schema-notes.js';
import type { Handler } from './schema-notes.js';
import type { JsonValue } from '../../../model/types.js';

/**
 * A value valid under two `oneOf` branches is refused; once one of them goes, it is accepted. A lost branch
 * narrows only when it is provably disjoint from every branch that stays (a duplicate never is).
 */
export const compareOneOf: Handler = (before, after, keyPath, notes) =>
  presence(before, after, keyPath, notes, () => {
    if (!Array.isArray(before) || !Array.isArray(after)) return unprovable(before, after, keyPath, notes);
    const left = [...after];
    const lost: JsonValue[] = [];
    for (const branch of before) {
      const index = left.findIndex((other) => same(other, branch));
      if (index === -1) lost.push(branch);
      else left.splice(index, 1);
    }
    for (const branch of left) widen(notes, `${keyPath} gained a branch ${show(branch)}`);
    for (const branch of lost) {
      if (after.every((kept) => provablyDisjoint(branch, kept))) {
        narrow(notes, `${keyPath} lost a branch ${show(branch)}`);
      } else {
        widen(
          notes,
          `${keyPath} lost a branch ${show(branch)} that may overlap another (a value both accepted was refused, now it passes)`,
        );
      }
    }
  });

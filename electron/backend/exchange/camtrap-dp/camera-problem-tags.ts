import { addProblem, listProblems } from '../../analysis/effort/camera-problems.ts';
import type { Db } from '../../library/db.ts';

/**
 * Camtrap DP has no column for the times a camera did not work: they travel as deploymentTags
 * "cameraProblem:<from>/<to>" (station clock, a day or a day and time, as the library keeps them)
 * and in words in deploymentComments, so a person reading the package sees them too.
 */
const key = 'cameraProblem:';
const tagTime = (wall: string) => wall.replace(' ', 'T');

export interface ProblemFields {
  deploymentTags: string | null;
  deploymentComments: string | null;
}

/** The deployment's tags and comments with its camera problems added; the package's own other tags are kept. */
export function withProblems(db: Db, deploymentID: string, tags: string | null | undefined, comments: string | null): ProblemFields {
  const problems = listProblems(db, deploymentID);
  const others = (tags ?? '').split('|').map((t) => t.trim()).filter((t) => t !== '' && !t.startsWith(key));
  if (problems.length === 0) return { deploymentTags: others.length > 0 ? others.join('|') : null, deploymentComments: comments };
  const words = problems.map((p) => `${p.from} to ${p.to}${p.reason ? ` (${p.reason})` : ''}`).join('; ');
  return {
    deploymentTags: [...others, ...problems.map((p) => `${key}${tagTime(p.from)}/${tagTime(p.to)}`)].join('|'),
    deploymentComments: [comments, `Camera not working: ${words}.`].filter(Boolean).join(' '),
  };
}

/** Camera problems a package's deploymentTags carry, added to the imported deployment; a tag that does not fit it is left as a tag. */
export function problemsFromTags(db: Db, deploymentID: string, tags: string | undefined): number {
  let added = 0;
  for (const tag of (tags ?? '').split('|').map((t) => t.trim())) {
    if (!tag.startsWith(key)) continue;
    const [from, to] = tag.slice(key.length).split('/');
    if (!from || !to) continue;
    try {
      addProblem(db, deploymentID, { from, to });
      added += 1;
    } catch {
      // Outside the deployment or not a date: the tag stays in the package's fields, nothing is invented.
    }
  }
  return added;
}

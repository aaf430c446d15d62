// The learning curve of a workspace model (npm run eval -- --learning-curve [FOLDER...]): on each
// evaluation folder, a simulated reviewer (src/core/model/simulatedReview.ts) goes through the
// names suggested in the first k documents and confirms or rejects each by the gold; the shipped
// model trained further on those reviews (src/core/model/workspaceModel.ts) is scored by strict
// entity F1 on the documents after the first max(K) (the same documents for every k).
import { entityF1, loadGoldSet } from './nameModel.mjs';

export const KS = [0, 5, 10, 20];

/** Prints the curve of one folder; `t` is the bundled trainer of nameModel.mjs. */
export function learningCurve(t, set) {
  const docs = loadGoldSet(set);
  const base = t.nameModel();
  const held = KS[KS.length - 1];
  const ks = KS.filter(k => k < docs.length && (docs.length > held ? true : k <= docs.length / 2));
  const testFrom = docs.length > held ? held : ks[ks.length - 1];
  const test = docs.slice(testFrom);
  console.log(`== ${set}: reviews of the first k documents; entity F1 on documents ${testFrom + 1}..${docs.length} (${test.length})`);
  console.log(`shipped model as it is: F1 ${entityF1(t, base, test).toFixed(4)}`);
  console.log('k\treviewed (confirmed/rejected)\ttrain s\tF1');
  for (const k of ks) {
    const reviewed = docs.slice(0, k).map(d => t.simulateReview(d, base));
    const examples = t.reviewExamples(reviewed, { entities: [], notEntities: [] });
    const started = process.hrtime.bigint();
    const file = t.learnFromReviews(examples, base);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const parsed = t.parseWorkspaceModel(JSON.stringify(file));
    const confirmed = reviewed.reduce((n, r) => n + r.annotations.filter(a => a.status === 'confirmed').length, 0);
    const rejected = reviewed.reduce((n, r) => n + r.annotations.filter(a => a.status === 'rejected').length, 0);
    console.log(`${k}\t${confirmed}/${rejected}\t${seconds.toFixed(2)}\t${entityF1(t, parsed.model, test).toFixed(4)}`);
  }
}

// Generates examples/data/cell-lines.csv: a small synthetic expression table (4 genes, 3 classes,
// imbalanced) for the tabular example. Deterministic, so the committed file can be regenerated.
import { writeFileSync } from 'node:fs';

let state = 20261122;
function uniform() {
  state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
  return state / 2 ** 32;
}
function normal() {
  return Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
}

const classes = [
  { name: 'responder', n: 60, means: [8.2, 3.1, 5.5, 1.2] },
  { name: 'partial', n: 30, means: [6.9, 4.4, 4.8, 2.0] },
  { name: 'resistant', n: 12, means: [5.1, 5.9, 3.2, 3.4] },
];
const lines = ['sample_id,BRCA1,TP53,EGFR,MYC,response,batch'];
let id = 0;
for (const c of classes) {
  for (let i = 0; i < c.n; i++) {
    const values = c.means.map((m) => (m + 0.6 * normal()).toFixed(3));
    lines.push(
      [`cl${String(++id).padStart(3, '0')}`, ...values, c.name, `b${(id % 3) + 1}`].join(','),
    );
  }
}
writeFileSync('examples/data/cell-lines.csv', `${lines.join('\n')}\n`);

import sharp from 'sharp';
import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { PeerResults } from './report';
import { entrantName, workloadName } from './report';

/**
 * Renders each entrant's ratio to the AWS CLI per workload as a grouped bar chart: vega-lite
 * compiles the spec, vega renders SVG headlessly, sharp rasterizes it to PNG.
 */
export async function renderRatioChart(r: PeerResults, path: string): Promise<void> {
  const values = r.figures.flatMap((f) => {
    const w = r.plan.workloads.find((x) => x.id === f.workloadId);
    if (!w || f.ratio === undefined) return [];
    return [{ workload: workloadName(w), entrant: entrantName(f.contender), ratio: f.ratio }];
  });
  const order = r.entrants.map((e) => entrantName(e.id));
  const spec: TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: `Throughput relative to the AWS CLI (${r.mode} run, ${r.git.sha}; failed runs have no bar)`,
    background: 'white',
    data: { values },
    facet: {
      row: {
        field: 'workload',
        type: 'nominal',
        sort: r.plan.workloads.map(workloadName),
        title: null,
        header: { labelAngle: 0, labelAlign: 'left', labelOrient: 'top' },
      },
    },
    spec: {
      width: 520,
      height: { step: 16 },
      layer: [
        {
          mark: { type: 'bar' },
          encoding: {
            y: { field: 'entrant', type: 'nominal', sort: order, title: null },
            x: { field: 'ratio', type: 'quantitative', title: '× the AWS CLI' },
            color: { field: 'entrant', type: 'nominal', sort: order, legend: null },
          },
        },
        {
          mark: { type: 'text', align: 'left', dx: 3 },
          encoding: {
            y: { field: 'entrant', type: 'nominal', sort: order },
            x: { field: 'ratio', type: 'quantitative' },
            text: { field: 'ratio', type: 'quantitative', format: '.2f' },
          },
        },
        {
          mark: { type: 'rule', strokeDash: [4, 3], color: 'black' },
          encoding: { x: { datum: 1 } },
        },
      ],
    },
  };
  const view = new View(parse(compile(spec).spec), { renderer: 'none' });
  const svg = await view.toSVG(2);
  view.finalize();
  await sharp(Buffer.from(svg)).png().toFile(path);
}

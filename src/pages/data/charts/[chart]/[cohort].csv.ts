/** /data/charts/<chart-id>/<cohort>.csv: the rows of one chart about one cohort's groups ("the data shown"). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { csvResponse } from '../../../../lib/downloads';
import { STORY_COHORTS, type StoryCohort } from '../../../../lib/cohort-url';
import { CHARTS } from '../../../../charts/registry';
import { shownCsv } from '../../../../site/reuse';

export const getStaticPaths = (() =>
  CHARTS.flatMap((c) => STORY_COHORTS.map((cohort) => ({ params: { chart: c.id, cohort }, props: { id: c.id, cohort } })))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { id, cohort } = props as { id: string; cohort: StoryCohort };
  return csvResponse(shownCsv(id, cohort), `${id}.${cohort}.csv`);
};

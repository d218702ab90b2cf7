import type { Pose } from '../../shared/pose.ts';
import type { FrameSample } from './arenaPage.ts';
import type { BundleReport } from './bundleSize.ts';
import type { RenderPass } from './drawBreakdown.ts';

/** The budgets from issue 2 ("Done means"). */
export const BUDGETS = { drawCalls: 100, triangles: 300_000, initialJsGzipBytes: 400_000 } as const;

/** One camera at one crowd size. */
export interface ViewResult {
  view: string;
  bots: number;
  pose: Pose;
  /** Remote avatars the page drew when the sample was taken. */
  avatars: number;
  /** Whether the budgets apply (visitor views) or the figure is shown for the worst case only. */
  budgeted: boolean;
  /** Its `fps` is headless Chromium on SwiftShader (CPU): only comparable between runs on one machine. */
  sample: FrameSample;
  /** The screen pass of one frame, grouped by object (see drawBreakdown.ts). */
  breakdown: RenderPass | undefined;
  /** How many render() calls one frame made (1 unless something renders to a target). */
  rendersPerFrame: number;
}

export interface BudgetCheck {
  budget: string;
  limit: number;
  measured: number;
  pass: boolean;
}

/** Checks the worst frame of every budgeted view and the initial JS against the budgets. */
export function checkBudgets(views: ViewResult[], initialJs: BundleReport): BudgetCheck[] {
  const checks: BudgetCheck[] = [];
  for (const v of views.filter((r) => r.budgeted)) {
    const at = `${v.view}, ${v.bots} bots`;
    checks.push({
      budget: `draw calls (${at})`,
      limit: BUDGETS.drawCalls,
      measured: v.sample.calls.max,
      pass: v.sample.calls.max <= BUDGETS.drawCalls,
    });
    checks.push({
      budget: `triangles (${at})`,
      limit: BUDGETS.triangles,
      measured: v.sample.triangles.max,
      pass: v.sample.triangles.max <= BUDGETS.triangles,
    });
  }
  checks.push({
    budget: 'initial JS, gzip bytes',
    limit: BUDGETS.initialJsGzipBytes,
    measured: initialJs.totalGzip,
    pass: initialJs.totalGzip <= BUDGETS.initialJsGzipBytes,
  });
  return checks;
}

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

/** The short table printed at the end of a run. */
export function formatTable(views: ViewResult[], initialJs: BundleReport, lazyJs: BundleReport, checks: BudgetCheck[]): string {
  const lines = ['view                bots  avatars  calls avg (max)  triangles avg (max)   fps*'];
  for (const v of views) {
    const calls = `${v.sample.calls.avg} (${v.sample.calls.max})`;
    const tris = `${v.sample.triangles.avg.toLocaleString('en-US')} (${v.sample.triangles.max.toLocaleString('en-US')})`;
    lines.push(
      `${(v.view + (v.budgeted ? '' : ' †')).padEnd(20)}${String(v.bots).padStart(4)}  ${String(v.avatars).padStart(7)}  ${calls.padStart(15)}  ${tris.padStart(19)}  ${v.sample.fps.toFixed(1).padStart(5)}`,
    );
  }
  lines.push('* headless Chromium on SwiftShader (CPU rendering): relative figures only.  † worst case, not budgeted');
  lines.push(`initial JS: ${kb(initialJs.totalGzip)} gzip (${initialJs.files.length} files, ${kb(initialJs.totalBytes)} raw)`);
  lines.push(
    `lazy JS:    ${kb(lazyJs.totalGzip)} gzip (${lazyJs.files.map((f) => `${f.file.replace('/assets/', '')} ${kb(f.gzip)}`).join(', ')})`,
  );
  for (const c of checks)
    lines.push(
      `${c.pass ? 'PASS' : 'FAIL'}  ${c.budget}: ${c.measured.toLocaleString('en-US')} ≤ ${c.limit.toLocaleString('en-US')}`,
    );
  return lines.join('\n');
}

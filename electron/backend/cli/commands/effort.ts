import { Command } from 'commander';
import type { CameraProblem, EffortReport } from '../../analysis/contract.ts';
import { libraryOption } from '../options.ts';
import { withLibrary } from './with-library.ts';

const rules = { dates: "dates only: setup and retrieval days count half, problem days are whole days off (camtrapR's rule)", times: 'exact times: the active time to the second' };

function describeProblems(problems: CameraProblem[]): string {
  if (problems.length === 0) return 'No camera problems.';
  return problems.map((p) => `${p.problemID}: ${p.from} to ${p.to}${p.reason ? ` (${p.reason})` : ''}`).join('\n');
}

function describeReport(r: EffortReport): string {
  const lines = r.deployments.map(
    (d) => `${d.locationName} / ${d.deploymentID}: ${d.calendarDays} calendar days, ${d.activeDays} active, ${d.trapNights} trap nights${r.from || r.to ? ` (${d.trapNightsInRange} in range)` : ''}; ${d.problems} problem period(s); ${rules[d.rule]}`,
  );
  return lines.length > 0 ? lines.join('\n') : 'No deployments.';
}

const when = 'a day (YYYY-MM-DD, the whole day) or a day and time (YYYY-MM-DD HH:MM), station time';

export function registerEffortCommands(program: Command, setCode: (c: number) => void): void {
  program.addCommand(
    new Command('effort')
      .description("every deployment's effort as camtrapR's surveyReport counts it: calendar days, active days, trap nights, and the rule used")
      .addOption(libraryOption())
      .option('--from <day>', 'first day (YYYY-MM-DD, camera time) for trap nights in range')
      .option('--to <day>', 'last day (YYYY-MM-DD, camera time)')
      .action(async (opts: { from?: string; to?: string }, command: Command) =>
        withLibrary(command, setCode, async ({ call, out }) => {
          const result = await call('effort.report', { from: opts.from, to: opts.to });
          if (!result.ok) return out.failure(result);
          out.result(result.value, () => describeReport(result.value));
        }),
      ),
  );

  program
    .command('camera-problem')
    .description('periods a camera did not work (full card, flat battery, knocked over): effort leaves them out')
    .addCommand(
      new Command('list')
        .description("a deployment's camera problems")
        .addOption(libraryOption())
        .requiredOption('--deployment <deploymentID>', 'the deployment')
        .action(async (opts: { deployment: string }, command: Command) =>
          withLibrary(command, setCode, async ({ call, out }) => {
            const result = await call('effort.problems', { deploymentID: opts.deployment });
            if (!result.ok) return out.failure(result);
            out.result(result.value, () => describeProblems(result.value));
          }),
        ),
    )
    .addCommand(
      new Command('add')
        .description('add a camera problem to a deployment')
        .addOption(libraryOption())
        .requiredOption('--deployment <deploymentID>', 'the deployment')
        .requiredOption('--from <when>', `start: ${when}`)
        .requiredOption('--to <when>', `end: ${when}`)
        .option('--reason <text>', 'what happened, e.g. "card full"')
        .action(async (opts: { deployment: string; from: string; to: string; reason?: string }, command: Command) =>
          withLibrary(command, setCode, async ({ call, out }) => {
            const result = await call('effort.addProblem', { deploymentID: opts.deployment, from: opts.from, to: opts.to, reason: opts.reason });
            if (!result.ok) return out.failure(result);
            out.result(result.value, () => `Camera problems of ${opts.deployment}:\n${describeProblems(result.value)}`);
          }),
        ),
    )
    .addCommand(
      new Command('change')
        .description('change a camera problem')
        .argument('<problemID>', 'the number camera-problem list shows', Number)
        .addOption(libraryOption())
        .requiredOption('--from <when>', `start: ${when}`)
        .requiredOption('--to <when>', `end: ${when}`)
        .option('--reason <text>', 'what happened')
        .action(async (problemID: number, opts: { from: string; to: string; reason?: string }, command: Command) =>
          withLibrary(command, setCode, async ({ call, out }) => {
            const result = await call('effort.updateProblem', { problemID, from: opts.from, to: opts.to, reason: opts.reason });
            if (!result.ok) return out.failure(result);
            out.result(result.value, () => describeProblems(result.value));
          }),
        ),
    )
    .addCommand(
      new Command('remove')
        .description('remove a camera problem')
        .argument('<problemID>', 'the number camera-problem list shows', Number)
        .addOption(libraryOption())
        .action(async (problemID: number, _opts: unknown, command: Command) =>
          withLibrary(command, setCode, async ({ call, out }) => {
            const result = await call('effort.removeProblem', { problemID });
            if (!result.ok) return out.failure(result);
            out.result(result.value, () => `Removed. Left:\n${describeProblems(result.value)}`);
          }),
        ),
    );
}

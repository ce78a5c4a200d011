import { Command } from 'commander';
import { libraryOption } from '../options.ts';
import { withLibrary } from './with-library.ts';

export function registerStatusCommand(program: Command, setCode: (c: number) => void): void {
  program.addCommand(
    new Command('status')
      .description('what the library holds: deployments, media, recent imports')
      .addOption(libraryOption())
      .action(async (_opts: unknown, command: Command) =>
        withLibrary(command, setCode, async ({ call, out }) => {
          const [info, deployments, imports] = await Promise.all([call('library.current', {}), call('deployment.list', {}), call('ingest.list', {})]);
          if (!info.ok) return out.failure(info);
          if (!deployments.ok) return out.failure(deployments);
          if (!imports.ok) return out.failure(imports);
          const value = { library: info.value, deployments: deployments.value, imports: imports.value };
          out.result(value, () =>
            [
              `Library ${info.value?.root}: ${info.value?.mediaCount} media in ${info.value?.deploymentCount} deployments at ${info.value?.locationCount} locations`,
              ...deployments.value.map((d) => `  ${d.deploymentID} at ${d.locationName}: ${d.mediaCount} media, ${d.deploymentStart} to ${d.deploymentEnd}`),
              ...imports.value.slice(0, 5).map((i) => `  import ${i.importId} (${i.deploymentID}): ${i.state}, ${i.imported} imported, ${i.duplicates} already there, ${i.failed.length} failed`),
            ].join('\n'),
          );
        }),
      ),
  );
}

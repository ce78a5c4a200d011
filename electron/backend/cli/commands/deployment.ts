import { Command } from 'commander';
import { libraryOption } from '../options.ts';
import { withLibrary } from './with-library.ts';

export function registerDeploymentCommands(program: Command, setCode: (c: number) => void): void {
  program
    .command('location')
    .description('locations (camera stations)')
    .addCommand(
      new Command('add')
        .description('add a location')
        .addOption(libraryOption())
        .requiredOption('--name <name>', 'location name')
        .requiredOption('--lat <latitude>', 'latitude in decimal degrees (WGS84)', Number)
        .requiredOption('--lon <longitude>', 'longitude in decimal degrees (WGS84)', Number)
        .option('--id <locationID>', 'location ID (made up if left out)')
        .action(async (opts: { name: string; lat: number; lon: number; id?: string }, command: Command) =>
          withLibrary(command, setCode, async ({ call, out }) => {
            const result = await call('location.add', { locationID: opts.id, locationName: opts.name, latitude: opts.lat, longitude: opts.lon });
            if (!result.ok) return out.failure(result);
            out.result(result.value, () => `Added location ${result.value.locationID} (${result.value.locationName})`);
          }),
        ),
    );

  program
    .command('deployment')
    .description('deployments (a camera at a location between two dates)')
    .addCommand(
      new Command('add')
        .description('add a deployment')
        .addOption(libraryOption())
        .requiredOption('--location <locationID>', 'the location ID')
        .requiredOption('--start <time>', 'start, ISO 8601 with offset, e.g. 2021-03-27T21:38:18+01:00')
        .requiredOption('--end <time>', 'end, ISO 8601 with offset')
        .option('--id <deploymentID>', 'deployment ID (made up if left out)')
        .option('--camera-id <id>', 'camera ID or serial number')
        .option('--camera-model <model>', 'camera model')
        .option('--camera-height <metres>', 'camera height in metres', Number)
        .option('--bait', 'bait was used')
        .option('--notes <text>', 'comments')
        .option('--dates-only', "setup and retrieval were noted as days without times: effort counts those days half (camtrapR's rule)")
        .action(
          async (
            opts: { location: string; start: string; end: string; id?: string; cameraId?: string; cameraModel?: string; cameraHeight?: number; bait?: boolean; notes?: string; datesOnly?: boolean },
            command: Command,
          ) =>
            withLibrary(command, setCode, async ({ call, out }) => {
              const result = await call('deployment.add', {
                deploymentID: opts.id,
                locationID: opts.location,
                deploymentStart: opts.start,
                deploymentEnd: opts.end,
                cameraID: opts.cameraId,
                cameraModel: opts.cameraModel,
                cameraHeight: opts.cameraHeight,
                baitUse: opts.bait ?? false,
                deploymentComments: opts.notes,
                datesOnly: Boolean(opts.datesOnly),
              });
              if (!result.ok) return out.failure(result);
              out.result(result.value, () => `Added deployment ${result.value.deploymentID} at ${result.value.locationName}`);
            }),
        ),
    );
}

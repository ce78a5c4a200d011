import { Option } from 'commander';

export const libraryOption = (): Option => new Option('--library <dir>', 'the library folder').env('CAMTRAP_LIBRARY').makeOptionMandatory(true);

import type { projectMethods } from './contract.ts';
import { getProject, setProject } from './project-store.ts';
import type { LibraryAccess } from '../../library/library-session.ts';
import type { DomainHandlers } from '../../rpc/define.ts';

export interface ProjectContext {
  library: LibraryAccess;
}

export const projectHandlers: DomainHandlers<typeof projectMethods, ProjectContext> = {
  'project.get': (_input, { library }) => getProject(library.require()),
  'project.set': (input, { library }) => setProject(library.require(), input),
};

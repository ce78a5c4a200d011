import { type JSX, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskInfo } from '../../electron/backend/tasks/contract.ts';
import { api } from '../api/client.ts';

/** The long work running now, from the backend's one task model, kept up to date by its events. */
export function useTasks(): TaskInfo[] {
  const [tasks, setTasks] = useState<Record<string, TaskInfo>>({});
  useEffect(() => {
    let live = true;
    const off = api.on('task.updated', (task) => setTasks((all) => ({ ...all, [task.id]: task })));
    void api.call('tasks.list', {}).then((listed) => {
      if (live && listed.ok) setTasks((all) => ({ ...Object.fromEntries(listed.value.map((t) => [t.id, t])), ...all }));
    });
    return () => {
      live = false;
      off();
    };
  }, []);
  return Object.values(tasks);
}

/** A task's message in the user's language, the way ErrorMessage shows a backend error; its English text only where no keys came with it. */
function useTaskMessage(): (task: TaskInfo) => string | null {
  const { t } = useTranslation();
  return (task) => {
    if (!task.says) return task.message;
    return task.says
      .map((said) => {
        const values = { ...said.values };
        if (typeof values.field === 'string') values.field = t(`errors:fields.${values.field}`, { defaultValue: values.field });
        return t(`errors:${said.key}`, values);
      })
      .join(' ');
  };
}

/** In the header: what runs in the background, so nobody closes the laptop in the middle of an import. */
export function RunningTasks({ onOpen }: { onOpen: (task: TaskInfo) => void }): JSX.Element | null {
  const { t } = useTranslation();
  const messageOf = useTaskMessage();
  const active = useTasks().filter((task) => task.state === 'running' || task.state === 'paused');
  if (active.length === 0) return null;
  return (
    <div className="running-tasks" role="status" aria-live="polite" data-testid="running-tasks">
      {active.map((task) => {
        const message = messageOf(task);
        return (
          <button key={task.id} className="link" onClick={() => onOpen(task)}>
            {t(`tasks.${task.kind}`, { done: task.done, total: task.total ?? '?' })}
            {task.state === 'paused' ? ` (${t('tasks.paused')})` : null}
            {message ? <span className="muted"> — {message}</span> : null}
          </button>
        );
      })}
    </div>
  );
}

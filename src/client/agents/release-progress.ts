/** Follows a running release: its progress events stream in (server-sent events) as they happen. */
interface ProgressEvent {
  stage: string;
  status: 'start' | 'done' | 'failed' | 'info';
  message: string;
  progress: number;
}

export function followRelease(section: HTMLElement): void {
  const job = section.dataset['job'];
  const bar = section.querySelector<HTMLProgressElement>('[data-progress-bar]');
  const status = section.querySelector<HTMLElement>('[data-progress-status]');
  const log = section.querySelector<HTMLElement>('[data-progress-log]');
  if (!job || !bar || !status || !log) return;
  const strings = JSON.parse(section.dataset['strings'] ?? '{}') as Record<string, string>;
  section.hidden = false;
  const source = new EventSource(`/api/releases/jobs/${job}/events`);
  source.onmessage = (message) => {
    const event = JSON.parse(message.data as string) as ProgressEvent;
    bar.value = Math.round(event.progress * 100);
    const item = document.createElement('li');
    item.textContent = `${event.stage}: ${event.message}`;
    if (event.status === 'failed') item.className = 'diff-removed';
    log.append(item);
    if (event.status === 'failed')
      status.textContent = (strings['releases.failed'] ?? '{{stage}}: {{message}}')
        .replace('{{stage}}', event.stage)
        .replace('{{message}}', event.message);
  };
  source.addEventListener('end', (message) => {
    source.close();
    if ((message as MessageEvent).data === 'done') {
      bar.value = 100;
      status.textContent = strings['releases.finished'] ?? '';
      setTimeout(() => location.assign(location.pathname), 1200);
    }
  });
}

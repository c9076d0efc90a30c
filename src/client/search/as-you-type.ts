/**
 * Searches as the reader types without a debounce delay: the first keystroke searches at once;
 * keystrokes that arrive while a search is running wait, and only the last of them runs when it
 * is done. Results follow the last keystroke by one search's time, never by a fixed timer, and a
 * fast typist never queues more than one search.
 */
export function asYouType(search: () => Promise<void>): () => void {
  let running = false;
  let again = false;
  const start = async () => {
    running = true;
    try {
      await search();
    } finally {
      running = false;
    }
    if (again) {
      again = false;
      void start();
    }
  };
  return () => {
    if (running) again = true;
    else void start();
  };
}

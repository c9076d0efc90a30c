/**
 * What the visitor typed survives a reload, a visit to a suggested article and the back button:
 * it is kept on this device (localStorage) until the request is sent.
 */
export interface Draft {
  email?: string;
  name?: string;
  role?: string;
  topic?: string;
  subject?: string;
  message?: string;
  opened?: string[];
}

const FIELDS = ['email', 'name', 'role', 'topic', 'subject', 'message'] as const;

export function draftStore(locale: string) {
  const key = `hc-contact-draft:${locale}`;
  const read = (): Draft => {
    try {
      return JSON.parse(localStorage.getItem(key) ?? '{}') as Draft;
    } catch {
      return {};
    }
  };
  return {
    read,
    save(form: HTMLFormElement, opened: string[]) {
      const data = new FormData(form);
      const draft: Draft = { opened };
      for (const field of FIELDS) draft[field] = String(data.get(field) ?? '');
      try {
        localStorage.setItem(key, JSON.stringify(draft));
      } catch {
        // Storage full or blocked: the form still works, only the draft is not kept.
      }
    },
    /** Puts a saved draft back into empty fields; true when anything was restored. */
    restore(form: HTMLFormElement): boolean {
      const draft = read();
      let restored = false;
      for (const field of FIELDS) {
        const value = draft[field];
        if (!value) continue;
        const control = form.elements.namedItem(field);
        if (control instanceof RadioNodeList) control.value = value;
        else if (
          control instanceof HTMLInputElement ||
          control instanceof HTMLTextAreaElement ||
          control instanceof HTMLSelectElement
        ) {
          if (control.value) continue;
          control.value = value;
          restored ||= field === 'subject' || field === 'message';
        }
      }
      return restored;
    },
    clear() {
      localStorage.removeItem(key);
    },
  };
}

import { useSignal } from '@preact/signals';
import type { RefObject } from 'preact';
import { embedSnippet, embedUrl } from '../embed/snippet.ts';
import { type AppState, urlStateOf } from '../state.ts';
import { STRINGS } from '../ui/strings.ts';
import { serializeUrlState } from '../url-state.ts';

/** The embed code for what the reader sees now, as text (never as HTML: the state only ever becomes a URL). */
export function currentSnippet(state: AppState): string {
  const src = embedUrl(document.baseURI, serializeUrlState(urlStateOf(state), state.manifest));
  return embedSnippet({ src, title: state.manifest.texts.embedFrameTitle });
}

/**
 * A modal <dialog>: focus moves into it and stays there, Escape closes it, and focus returns to the button that
 * opened it. The code is written when the dialog opens, from the state at that moment.
 */
export function EmbedDialog({
  dialog,
  snippet,
  opener,
}: {
  dialog: RefObject<HTMLDialogElement | null>;
  snippet: string;
  opener: RefObject<HTMLButtonElement | null>;
}) {
  const status = useSignal('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(snippet);
      status.value = STRINGS.embedCopied;
    } catch {
      status.value = STRINGS.embedCopyFailed;
    }
  };
  return (
    <dialog
      ref={dialog}
      class="embed-dialog"
      aria-labelledby="embed-heading"
      aria-describedby="embed-intro"
      onClose={() => {
        status.value = '';
        opener.current?.focus();
      }}
    >
      <div class="embed-dialog-body">
        <h2 id="embed-heading">{STRINGS.embedHeading}</h2>
        <p id="embed-intro">{STRINGS.embedIntro}</p>
        <label for="embed-code">{STRINGS.embedCodeLabel}</label>
        <textarea
          id="embed-code"
          readOnly
          rows={9}
          spellcheck={false}
          value={snippet}
          onFocus={(event) => event.currentTarget.select()}
        />
        <p class="muted">{STRINGS.embedNotes}</p>
        <div class="embed-dialog-actions">
          <button type="button" onClick={copy}>
            {STRINGS.embedCopy}
          </button>
          <span role="status">{status.value}</span>
          <button type="button" onClick={() => dialog.current?.close()}>
            {STRINGS.embedClose}
          </button>
        </div>
      </div>
    </dialog>
  );
}

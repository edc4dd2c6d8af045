import { useSignal } from '@preact/signals';
import { useRef } from 'preact/hooks';
import type { AppState } from '../state.ts';
import { STRINGS } from '../ui/strings.ts';
import { currentSnippet, EmbedDialog } from './EmbedDialog.tsx';

export function HeaderTools({ state }: { state: AppState }) {
  const copied = useSignal<string | null>(null);
  const snippet = useSignal('');
  const dialog = useRef<HTMLDialogElement>(null);
  const embedButton = useRef<HTMLButtonElement>(null);
  const openEmbed = () => {
    snippet.value = currentSnippet(state);
    dialog.current?.showModal();
  };
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(location.href);
      copied.value = STRINGS.linkCopied;
    } catch {
      copied.value = STRINGS.linkCopyFailed;
    }
    setTimeout(() => (copied.value = null), 3000);
  };
  return (
    <div class="header-tools">
      <label class="language">
        {STRINGS.languageLabel}{' '}
        <select
          value={state.language.value}
          onChange={(event) => (state.language.value = event.currentTarget.value)}
        >
          {state.manifest.labelLanguages.map(({ code, name }) => (
            <option key={code} value={code} lang={code}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <button type="button" onClick={copy}>
        {STRINGS.copyLink}
      </button>
      <span class="copied" role="status">
        {copied.value ?? ''}
      </span>
      <button type="button" ref={embedButton} aria-haspopup="dialog" onClick={openEmbed}>
        {STRINGS.embedButton}
      </button>
      <EmbedDialog dialog={dialog} snippet={snippet.value} opener={embedButton} />
    </div>
  );
}

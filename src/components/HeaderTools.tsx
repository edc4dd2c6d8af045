import { useSignal } from '@preact/signals';
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { AppState } from '../state.ts';
import { STRINGS } from '../ui/strings.ts';
import { currentSnippet, EmbedDialog } from './EmbedDialog.tsx';

export function HeaderTools({ state }: { state: AppState }) {
  const copied = useSignal<string | null>(null);
  const snippet = useSignal('');
  const dialog = useRef<HTMLDialogElement>(null);
  const embedButton = useRef<HTMLButtonElement>(null);
  // Below 1200 px "Copy link" and "Embed" sit behind one "Share" button, so the header's tools keep to one row and
  // the map keeps the height of another (styles.css; on wider screens the button is not shown and the two are in
  // the row).
  const shareOpen = useSignal(false);
  const tools = useRef<HTMLDivElement>(null);
  // A layout effect: listening from the moment the menu shows, not from the next frame.
  useLayoutEffect(() => {
    if (!shareOpen.value) return;
    const closeOutside = (event: Event) => {
      if (!tools.current?.contains(event.target as Node)) shareOpen.value = false;
    };
    // Escape closes the menu (not while the Embed dialog is open: Escape closes that first).
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || dialog.current?.open) return;
      shareOpen.value = false;
      if (tools.current?.contains(document.activeElement))
        tools.current.querySelector<HTMLButtonElement>('.share-toggle')?.focus();
    };
    document.addEventListener('pointerdown', closeOutside, true);
    document.addEventListener('keydown', closeOnEscape);
    return () => {
      document.removeEventListener('pointerdown', closeOutside, true);
      document.removeEventListener('keydown', closeOnEscape);
    };
  }, [shareOpen.value]);
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
    shareOpen.value = false;
    setTimeout(() => (copied.value = null), 3000);
  };
  return (
    <div class={`header-tools${shareOpen.value ? ' header-tools--share-open' : ''}`} ref={tools}>
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
      <button
        type="button"
        class="share-toggle"
        aria-expanded={shareOpen.value}
        aria-controls="share-actions"
        onClick={() => (shareOpen.value = !shareOpen.value)}
      >
        {STRINGS.share}
      </button>
      <div class="share-actions" id="share-actions">
        <button type="button" onClick={copy}>
          {STRINGS.copyLink}
        </button>
        <button type="button" ref={embedButton} aria-haspopup="dialog" onClick={openEmbed}>
          {STRINGS.embedButton}
        </button>
      </div>
      <span class="copied" role="status">
        {copied.value ?? ''}
      </span>
      <EmbedDialog dialog={dialog} snippet={snippet.value} opener={embedButton} />
    </div>
  );
}

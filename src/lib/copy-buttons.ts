/**
 * Copy buttons: `<button data-copy="textarea-id">` copies that field's text and confirms in words in
 * the nearest `[data-copy-status]` live region. Buttons are hidden in the HTML and shown here, so
 * without JavaScript the reader sees only the selectable code.
 */
export function enhanceCopyButtons(root: ParentNode = document): void {
  for (const button of root.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
    const field = document.getElementById(button.dataset.copy!) as HTMLTextAreaElement | HTMLInputElement | null;
    if (!field) continue;
    const status = button.closest('[data-card], section, article')?.querySelector<HTMLElement>('[data-copy-status]');
    button.hidden = false;
    button.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(field.value);
        if (status) status.textContent = `Copied: ${button.dataset.copyLabel ?? 'embed code'}.`;
      } catch {
        field.select();
        if (status) status.textContent = 'Could not copy automatically: the code is selected, press Ctrl+C or ⌘C.';
      }
    });
  }
}

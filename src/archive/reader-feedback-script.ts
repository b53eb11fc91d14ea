/**
 * `assets/reader-feedback.js`: a paper page opened from a reader's own email copy (`#address=…&token=…`, which no
 * server or log sees) shows its 👍/👎 buttons signed for that reader, and drops the fragment from the address bar.
 */
export const READER_FEEDBACK_SCRIPT = `(() => {
  const fragment = new URLSearchParams(location.hash.slice(1));
  const address = fragment.get('address');
  const token = fragment.get('token');
  if (address === null && token === null) return;
  // The reader's signature leaves the address bar at once, so a copied or shared link does not carry it.
  history.replaceState(history.state, '', location.pathname + location.search);
  const form = document.querySelector('form.reader-feedback');
  if (!form || !address || !token) return;
  for (const button of form.querySelectorAll('button[data-vote]')) {
    const query = new URLSearchParams({ paper: form.dataset.paper, vote: button.dataset.vote, address, token });
    button.setAttribute('formaction', form.dataset.action + '?' + query);
  }
  form.hidden = false;
})();
`;

/** `assets/episode-player.js`: a chapter button moves the page's player to its chapter and plays it. */
export const EPISODE_PLAYER_SCRIPT = `document.addEventListener('click', (event) => {
  const button = event.target.closest('.episode button[data-start]');
  if (!button) return;
  const player = button.closest('.episode').querySelector('audio');
  player.currentTime = Number(button.dataset.start);
  player.play().catch(() => {});
});
`;

// The stage board (filled in below in its own commit).
export function StageBoard() {
  return <section aria-label="Stage board" />;
}

// The flow editor screen (filled in below in its own commit).
export function EditorScreen() {
  return <section aria-label="Flow editor" />;
}

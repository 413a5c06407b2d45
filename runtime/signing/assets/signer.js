// The signer page's only script: shows the chosen signature method's panel, previews a typed name
// in a handwriting-like font, runs the drawing pad, and on submit puts the typed or drawn
// signature into the form as a PNG data URL. Without it, the upload method still works.
(() => {
  const form = document.getElementById('sign-form');
  if (!form) return;
  const data = document.getElementById('signature-data');
  const typedInput = document.getElementById('typed-name');
  const preview = document.getElementById('typed-preview');
  const padCanvas = document.getElementById('draw-pad');
  const methods = Array.from(form.querySelectorAll('input[name="method"]'));
  const font = '"Segoe Script", "Brush Script MT", "URW Chancery L", "Z003", cursive';
  let pad = null;

  const chosen = () => (methods.find((input) => input.checked) || methods[0]).value;

  function drawTyped() {
    const context = preview.getContext('2d');
    context.fillStyle = '#fff';
    context.fillRect(0, 0, preview.width, preview.height);
    context.fillStyle = '#111';
    let size = 64;
    const text = typedInput.value.trim();
    context.font = `${size}px ${font}`;
    while (size > 16 && context.measureText(text).width > preview.width - 40) {
      size -= 4;
      context.font = `${size}px ${font}`;
    }
    context.textBaseline = 'middle';
    context.fillText(text, 20, preview.height / 2);
  }

  function show() {
    const method = chosen();
    for (const name of ['typed', 'drawn', 'uploaded']) {
      document.getElementById(`panel-${name}`).hidden = name !== method;
    }
    if (method === 'drawn' && !pad && window.SignaturePad) {
      pad = new window.SignaturePad(padCanvas, { backgroundColor: 'rgb(255,255,255)' });
    }
    if (method === 'typed') drawTyped();
  }

  for (const input of methods) input.addEventListener('change', show);
  typedInput.addEventListener('input', drawTyped);
  document.getElementById('draw-clear').addEventListener('click', () => pad?.clear());
  form.addEventListener('submit', () => {
    const method = chosen();
    if (method === 'typed' && typedInput.value.trim()) {
      drawTyped();
      data.value = preview.toDataURL('image/png');
    } else if (method === 'drawn' && pad && !pad.isEmpty()) {
      data.value = pad.toDataURL('image/png');
    } else {
      data.value = '';
    }
  });
  show();
})();

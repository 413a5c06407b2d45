// A text input that keeps what is being typed locally (so "1." or "-" survive) and reports every
// keystroke; it follows the document when it changes from elsewhere (undo, another panel).
import { type InputHTMLAttributes, useEffect, useState } from 'react';

interface TextInputProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'> {
  value: string;
  onValue: (text: string) => void;
}

export function TextInput({ value, onValue, ...rest }: TextInputProps) {
  const [text, setText] = useState(value);
  const [focused, setFocused] = useState(false);
  useEffect(() => {
    if (!focused) setText(value);
  }, [value, focused]);
  return (
    <input
      {...rest}
      value={focused ? text : value}
      onFocus={() => {
        setText(value);
        setFocused(true);
      }}
      onBlur={() => setFocused(false)}
      onChange={(event) => {
        setText(event.target.value);
        onValue(event.target.value);
      }}
    />
  );
}

import { useState } from 'react';

/** The state behind a new password typed twice, shared by every form that sets one. */
export interface NewPassword {
  password: string;
  repeat: string;
  /** Whether the last submit found the two different; shown until the next submit. */
  mismatch: boolean;
  setPassword: (value: string) => void;
  setRepeat: (value: string) => void;
  /** Records whether the two match, for the alert, and says whether the submit may go on. */
  confirm: () => boolean;
  /** Empties both inputs, e.g. once the password has been changed. */
  clear: () => void;
}

/** A new password and its repeat, checked against each other on submit. */
export function useNewPassword(): NewPassword {
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);
  return {
    password,
    repeat,
    mismatch,
    setPassword,
    setRepeat,
    confirm: () => {
      setMismatch(password !== repeat);
      return password === repeat;
    },
    clear: () => {
      setPassword('');
      setRepeat('');
    },
  };
}

// Runtime: renderer. Line icons of the catalogue and the briefing, drawn inline like the shell's.
import type { ReactNode } from 'react';
import { Icon as LineIcon, type IconProps } from '../icons';

function Icon(props: IconProps & { children: ReactNode }) {
  return <LineIcon size={16} {...props} />;
}

/** A siren: something has happened and the public needs an answer now. */
export function CrisisIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M7 18v-6a5 5 0 0 1 10 0v6" />
      <path d="M5 21h14a1 1 0 0 0 1-1v-1a1 1 0 0 0-1-1H5a1 1 0 0 0-1 1v1a1 1 0 0 0 1 1z" />
      <path d="M21 12h1M18.5 4.5l-.7.7M2 12h1M12 2v1M4.6 4.6l.7.7M12 12v6" />
    </Icon>
  );
}

/** A megaphone: reaching an audience on the embassy's own initiative. */
export function OutreachIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M18 8a3 3 0 0 1 0 6" />
      <path d="M10 8v11a1 1 0 0 1-1 1H8a1 1 0 0 1-1-1v-5" />
      <path d="M12 8h0l4.5-3.75A.9.9 0 0 1 18 5v12a.9.9 0 0 1-1.5.75L12 14H4a1 1 0 0 1-1-1V9a1 1 0 0 1 1-1h8" />
    </Icon>
  );
}

export function SearchIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <circle cx="10" cy="10" r="7" />
      <path d="M21 21l-6-6" />
    </Icon>
  );
}

export function ClockIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <circle cx="12" cy="12" r="9" />
      <path d="M12 7v5l3 3" />
    </Icon>
  );
}

/** A stop sign, beside the red lines. */
export function StopIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M8.3 3h7.4L21 8.3v7.4L15.7 21H8.3L3 15.7V8.3z" />
      <path d="M8 12h8" />
    </Icon>
  );
}

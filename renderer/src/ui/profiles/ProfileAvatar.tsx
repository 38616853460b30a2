// Runtime: renderer. A trainee's initials, always shown beside their name (so hidden from screen readers).
import { Avatar } from '@mantine/core';

/** A fixed dark navy rather than a colour per name: white initials stay legible in both colour schemes. */
export function ProfileAvatar({ name, size = 'md' }: { name: string; size?: 'sm' | 'md' }) {
  return <Avatar name={name} color="navy.8" variant="filled" size={size} aria-hidden="true" />;
}

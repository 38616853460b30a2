// Runtime: renderer. Attaché's mark: a speech bubble carrying a diplomatic star, on the navy of the brand.
import { useId } from 'react';

export function LogoMark({ size = 36 }: { size?: number }) {
  const gradientId = useId();
  return (
    <svg width={size} height={size} viewBox="0 0 48 48" aria-hidden="true" focusable="false">
      <defs>
        <linearGradient id={gradientId} x1="0" y1="0" x2="1" y2="1">
          <stop offset="0" stopColor="#2b4a8f" />
          <stop offset="1" stopColor="#142a57" />
        </linearGradient>
      </defs>
      <rect width="48" height="48" rx="12" fill={`url(#${gradientId})`} />
      <path
        d="M13 14.5A3.5 3.5 0 0 1 16.5 11h15a3.5 3.5 0 0 1 3.5 3.5v12a3.5 3.5 0 0 1-3.5 3.5H23l-6.5 6v-6a3.5 3.5 0 0 1-3.5-3.5z"
        fill="none"
        stroke="#ffffff"
        strokeWidth="2.4"
        strokeLinejoin="round"
      />
      <path d="M24 14.6l1.47 2.98 3.29.48-2.38 2.32.56 3.28L24 22.1l-2.94 1.55.56-3.28-2.38-2.32 3.29-.48z" fill="#e2b33c" />
    </svg>
  );
}

// Runtime: renderer. Line icons for the feed and the inbox, drawn inline like the shell's: generic
// shapes (a heart, two arrows, an eye), none of them a platform's trademark. Always decorative:
// the text beside them, visible or visually hidden, says what they mean.
import type { ReactNode } from 'react';
import { Icon as LineIcon, type IconProps } from '../../icons';

function Icon(props: IconProps & { children: ReactNode }) {
  return <LineIcon size={18} {...props} />;
}

export function ReplyIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M4 12a8 7 0 1 1 3.3 5.6L4 19l1.1-3.4A6.6 6.6 0 0 1 4 12z" />
    </Icon>
  );
}

export function ReplyArrowIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M9 14L4 9l5-5" />
      <path d="M4 9h10a6 6 0 0 1 6 6v4" />
    </Icon>
  );
}

export function RepostIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M7 4 4 7l3 3" />
      <path d="M4 7h11a4 4 0 0 1 4 4v1" />
      <path d="m17 20 3-3-3-3" />
      <path d="M20 17H9a4 4 0 0 1-4-4v-1" />
    </Icon>
  );
}

export function HeartIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M12 20s-7-4.4-8.6-9A4.6 4.6 0 0 1 12 7a4.6 4.6 0 0 1 8.6 4c-1.6 4.6-8.6 9-8.6 9z" />
    </Icon>
  );
}

export function ThumbIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M7 11v9H4v-9z" />
      <path d="M7 11l4-7a2 2 0 0 1 2.8 2L13 10h5.5a2 2 0 0 1 2 2.3l-1.2 6A2 2 0 0 1 17.3 20H7" />
    </Icon>
  );
}

export function ChartIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M5 20V12M10 20V6M15 20v-9M20 20V9" />
    </Icon>
  );
}

export function EyeIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M2 12s3.6-7 10-7 10 7 10 7-3.6 7-10 7S2 12 2 12z" />
      <circle cx="12" cy="12" r="3" />
    </Icon>
  );
}

export function ForwardIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M14 5l7 7-7 7" />
      <path d="M21 12H10a6 6 0 0 0-6 6v1" />
    </Icon>
  );
}

export function ShareIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M12 15V3M8 7l4-4 4 4" />
      <path d="M5 12v7a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2v-7" />
    </Icon>
  );
}

export function VerifiedIcon(props: IconProps) {
  return (
    <Icon strokeWidth={0} {...props}>
      <path
        fill="currentColor"
        d="M12 2l2.4 1.8 3-.2.9 2.9 2.5 1.7-1 2.8 1 2.8-2.5 1.7-.9 2.9-3-.2L12 22l-2.4-1.8-3 .2-.9-2.9-2.5-1.7 1-2.8-1-2.8 2.5-1.7.9-2.9 3 .2z"
      />
      <path d="M8.2 12.3l2.5 2.5 5-5.3" stroke="var(--mantine-color-white)" strokeWidth={2} fill="none" />
    </Icon>
  );
}

export function TrendIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M3 17l6-6 4 4 8-8" />
      <path d="M15 7h6v6" />
    </Icon>
  );
}

export function NewsIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <rect x="3" y="4" width="14" height="16" rx="1.5" />
      <path d="M17 8h3v10a2 2 0 0 1-2 2h-1M6 8h8M6 12h8M6 16h5" />
    </Icon>
  );
}

export function BuildingIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M3 21h18M5 21V10M19 21V10M9 21v-6h6v6M12 3l9 5H3z" />
    </Icon>
  );
}

export function MegaphoneIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M3 10v4h4l9 5V5L7 10z" />
      <path d="M19 9a4 4 0 0 1 0 6M7 14l1 6h3l-1-5" />
    </Icon>
  );
}

export function ImageIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <rect x="3" y="4" width="18" height="16" rx="2" />
      <circle cx="9" cy="10" r="2" />
      <path d="M21 16l-5-5-8 9" />
    </Icon>
  );
}

export function FailIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M6 6l12 12M18 6L6 18" />
    </Icon>
  );
}

export function ArrowUpIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M12 19V5M5 12l7-7 7 7" />
    </Icon>
  );
}

export function ArrowDownIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M12 5v14M5 12l7 7 7-7" />
    </Icon>
  );
}

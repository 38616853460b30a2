// Runtime: renderer. The timeline view's icon in the studio's tabs and palette (lanes on a clock).
import { Icon, type IconProps } from '../../icons';

export function TimelineIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M3 6h7M8 12h10M5 18h6" />
      <path d="M3 3v18" />
      <circle cx="18" cy="6" r="1.5" />
    </Icon>
  );
}

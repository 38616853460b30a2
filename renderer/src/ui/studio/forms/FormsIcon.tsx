// Runtime: renderer. The forms view's icon in the studio's tabs and palette (a form with fields).
import { Icon, type IconProps } from '../../icons';

export function FormsIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <rect x="4" y="3" width="16" height="18" rx="2" />
      <path d="M8 8h8M8 12h8M8 16h5" />
    </Icon>
  );
}

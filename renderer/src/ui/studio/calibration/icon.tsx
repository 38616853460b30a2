// Runtime: renderer. The calibration view's icon in the studio's tabs and palette: a balance.
import { Icon, type IconProps } from '../../icons';

export function CalibrationIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M12 4v16M8 20h8M5 8h14" />
      <path d="M5 8l-3 6a3 3 0 0 0 6 0zM19 8l-3 6a3 3 0 0 0 6 0z" />
    </Icon>
  );
}

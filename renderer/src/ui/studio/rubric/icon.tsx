// Runtime: renderer. The rubric reference's icon in the studio's tabs and palette: a ruled list.
import { Icon, type IconProps } from '../../icons';

export function RubricIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M9 6h11M9 12h11M9 18h11" />
      <path d="M4 6h.01M4 12h.01M4 18h.01" />
    </Icon>
  );
}

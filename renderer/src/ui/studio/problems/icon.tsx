// Runtime: renderer. The problems panel's icon in the studio's palette: a warning triangle.
import { Icon, type IconProps } from '../../icons';

export function ProblemsIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M12 3l10 18H2z" />
      <path d="M12 10v5M12 18v.01" />
    </Icon>
  );
}

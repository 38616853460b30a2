// Runtime: renderer. The spreadsheet import's icon: a sheet with an arrow into it.
import { Icon, type IconProps } from '../../icons';

export function ImportIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <rect x="3" y="4" width="14" height="16" rx="1.5" />
      <path d="M3 9h14M3 14h14M9 4v16" />
      <path d="M21 12h-6M18 9l-3 3 3 3" />
    </Icon>
  );
}

import type { ReactNode } from 'react';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';

interface Props {
  icon: ReactNode;
  title: string;
  children?: ReactNode;
}

export function EmptyState({ icon, title, children }: Props) {
  return (
    <Paper
      variant="outlined"
      sx={{ p: 6, display: 'flex', flexDirection: 'column', alignItems: 'center', textAlign: 'center', gap: 1.5 }}
    >
      <div aria-hidden style={{ fontSize: 0 }}>
        {icon}
      </div>
      <Typography variant="h2">{title}</Typography>
      {children && (
        <Typography variant="body2" color="text.secondary" sx={{ maxWidth: 520 }}>
          {children}
        </Typography>
      )}
    </Paper>
  );
}

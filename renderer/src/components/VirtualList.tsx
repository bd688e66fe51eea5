import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import Box from '@mui/material/Box';
import { useVirtualizer } from '@tanstack/react-virtual';

interface Props {
  /** Accessible name of the list. */
  label: string;
  count: number;
  /** Estimated row height in pixels (rows may be taller; they are measured). */
  rowHeight: number;
  /** A stable key per row. */
  rowKey: (index: number) => string;
  renderRow: (index: number, active: boolean) => ReactNode;
  /** Enter or double-click on a row. */
  onOpen?: (index: number) => void;
  /** Extra keys handled per row (return true when handled). */
  onRowKey?: (event: KeyboardEvent, index: number) => boolean;
  height: number | string;
  /** Shown when there are no rows. */
  empty?: ReactNode;
  id?: string;
}

/**
 * A list of any length that stays smooth: only the rows in view are in the
 * page. One Tab stop; arrow keys, Page Up/Down, Home and End move the active
 * row (announced through aria-activedescendant), Enter opens it.
 */
export function VirtualList({ label, count, rowHeight, rowKey, renderRow, onOpen, onRowKey, height, empty, id = 'list' }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 8,
    getItemKey: rowKey,
  });
  const current = Math.min(active, Math.max(0, count - 1));

  useEffect(() => {
    if (active >= count && count > 0) setActive(count - 1);
  }, [active, count]);

  const move = (index: number) => {
    const next = Math.max(0, Math.min(count - 1, index));
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (count === 0) return;
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? rowHeight * 10) / rowHeight) - 1);
    const keys: Record<string, number> = {
      ArrowDown: current + 1,
      ArrowUp: current - 1,
      PageDown: current + page,
      PageUp: current - page,
      Home: 0,
      End: count - 1,
    };
    const target = keys[event.key];
    if (target !== undefined) {
      event.preventDefault();
      move(target);
      return;
    }
    if (event.key === 'Enter' && onOpen) {
      event.preventDefault();
      onOpen(current);
      return;
    }
    if (onRowKey?.(event, current)) event.preventDefault();
  };

  if (count === 0 && empty) return <>{empty}</>;
  const optionId = (index: number) => `${id}-option-${index}`;
  return (
    <Box
      ref={scrollRef}
      id={id}
      role="listbox"
      aria-label={label}
      aria-activedescendant={count ? optionId(current) : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
      sx={{
        height,
        overflowY: 'auto',
        position: 'relative',
        outline: 'none',
        borderRadius: 1,
        '&:focus-visible': { boxShadow: (theme) => `0 0 0 2px ${theme.palette.primary.main}` },
      }}
    >
      <Box sx={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => (
          <Box
            key={item.key}
            id={optionId(item.index)}
            role="option"
            aria-selected={item.index === current}
            data-index={item.index}
            ref={virtualizer.measureElement}
            onClick={() => setActive(item.index)}
            onDoubleClick={() => onOpen?.(item.index)}
            sx={{ position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${item.start}px)` }}
          >
            {renderRow(item.index, item.index === current)}
          </Box>
        ))}
      </Box>
    </Box>
  );
}
